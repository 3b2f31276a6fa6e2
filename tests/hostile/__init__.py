"""The hostile-input corpus: a generator, a one-case runner and the test that runs them all."""
