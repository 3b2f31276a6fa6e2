"""Hypothesis profiles for the property tests: quick and reproducible in CI, wider locally.

CI (the CI variable set) derandomizes, so a failure there is the same failure on every run;
HYPOTHESIS_PROFILE=thorough runs many more examples by hand.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Adversarial strategies build big strings and filter hard; that is their point, not a bug.
_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci", max_examples=25, deadline=None, derandomize=True, suppress_health_check=_SLOW_IS_FINE
)
settings.register_profile(
    "dev", max_examples=40, deadline=None, suppress_health_check=_SLOW_IS_FINE
)
settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=_SLOW_IS_FINE
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


def fewer(examples: int) -> settings:
    """Settings for a test whose examples are slow (a PDF each): a share of the profile's."""
    return settings(max_examples=max(5, min(examples, settings().max_examples)))
