"""The hostile corpus: writes 120+ cases into a folder and says what each must give.

Every case is a list of steps the runner (tests/hostile/run_case.py) performs in a fresh
process, through the app's real entry points, and an expectation:

- "ok": every step succeeds; `phrase` must survive in the result text, `absent` must not
  appear in it, and with `warned` the import must have warned the user;
- "refused": a step stops with a clear sentence (the message checks live in the test);
- "either": a clear refusal or a success are both right, but nothing else is.

Step paths use "{in}" for the corpus folder and "{out}" for the case's own scratch folder.
Sizes keep the shape of each pathology (one run, one line, one member) while the whole
corpus stays a few tens of megabytes, mostly written from repeated patterns.
"""

from __future__ import annotations

import json
import os
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.hostile import briefings as bf
from tests.hostile import files as ff

ARTICLE = (
    "Talks collapse in Geneva\n\n"
    "The foreign minister, Maria Lopez, said on Tuesday that “the talks have failed”.\n\n"
    "Officials estimate that £45 million was spent on the summit, and 3,000 troops "
    "remain near the border.\n\n"
    "It is unclear whether the delegations will meet again?\n"
)
PHRASE = "Maria Lopez"
Step = dict[str, Any]


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    steps: list[Step]
    expect: str  # ok | refused | either
    phrase: str = ""
    absent: str = ""
    warned: bool = False
    clean: bool = False  # the result text must hold no control characters
    unsaid: str = ""  # the message must not say this (a claim that would be false)
    keeps: dict[str, str] = field(default_factory=dict)  # files that must stay as they were

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Corpus:
    """The folder being written and the cases recorded so far."""

    folder: Path
    cases: list[Case] = field(default_factory=list)

    def write(self, name: str, data: bytes | str) -> str:
        path = self.folder / name
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        return "{in}/" + name

    def add(self, name: str, kind: str, steps: list[Step], expect: str, **checks: Any) -> None:
        if any(case.name == name for case in self.cases):
            raise ValueError(f"duplicate case {name}")
        self.cases.append(Case(name, kind, steps, expect, **checks))

    def article(self, name: str, kind: str, data: bytes | str, expect: str, **checks: Any) -> None:
        """A file imported through import_file (with extraction and offset checks)."""
        self.add(name, kind, [{"op": "import", "file": self.write(name, data)}], expect, **checks)

    def paste(self, name: str, kind: str, text: str, expect: str, **checks: Any) -> None:
        """Text given to import_text as a paste would be (JSON keeps lone surrogates)."""
        stored = self.write(name + ".paste.json", json.dumps({"text": text}))
        self.add(name, kind, [{"op": "paste", "file": stored}], expect, **checks)


def noise(size: int) -> bytes:
    """size random-looking bytes, the same on every run (the corpus must be reproducible)."""
    return random.Random(size).randbytes(size)


def cli(*argv: str) -> Step:
    return {"op": "cli", "argv": list(argv)}


# ----- plain text --------------------------------------------------------------------------
def text_cases(c: Corpus) -> None:
    c.article("empty.txt", "empty", b"", "refused")
    c.article("bom-only.txt", "empty", b"\xef\xbb\xbf", "refused")
    c.article("spaces-only.txt", "empty", b" " * 100_000, "refused")
    c.article("controls-only.txt", "empty", bytes(range(1, 9)) * 100, "refused")
    c.article("binary-random.txt", "binary", noise(200_000), "refused")
    c.article("binary-png.txt", "binary", b"\x89PNG\r\n\x1a\n" + noise(5000), "refused")
    c.article("binary-nuls.txt", "binary", b"\x00" * 50_000 + b"text", "refused")
    c.article("elf.md", "binary", b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 200, "refused")
    c.article("ok-plain.txt", "control", ARTICLE, "ok", phrase=PHRASE)
    # wrongly encoded
    c.article("cp1252.txt", "encoding", ARTICLE.encode("cp1252"), "ok", phrase="£45 million")
    latin = "Zürich café: Maria Lopez said the deal was “done”. Ça va.\n" * 20
    c.article(
        "latin1.txt",
        "encoding",
        latin.replace("“", '"').replace("”", '"').encode("latin-1"),
        "ok",
        phrase="Zürich café",
    )
    bad = ARTICLE.encode() * 30
    bad = bad[:200] + b"\xff" + bad[200:900] + b"\xc3" + bad[900:]
    c.article(
        "utf8-few-bad-bytes.txt",
        "encoding",
        bad,
        "ok",
        phrase="£45 million",
        absent="ВЈ",
        warned=True,
    )
    c.article(
        "utf8-bad-first-byte.txt",
        "encoding",
        b"\x96" + ARTICLE.encode() * 10,
        "ok",
        phrase="£45 million",
        absent="ВЈ",
    )
    utf16_cases(c)
    cut = ARTICLE.encode()
    c.article(
        "truncated-utf8.txt", "truncated", cut[: cut.index("£".encode()) + 1], "ok", phrase=PHRASE
    )
    c.article(
        "truncated-utf16.txt", "truncated", ARTICLE.encode("utf-16")[:-1], "ok", phrase=PHRASE
    )
    controls = "".join(
        chr(n)
        for n in [
            *range(0, 9),
            11,
            12,
            *range(14, 32),
            127,
            0x85,
            0x9B,
            0x202E,
            0x2066,
            0xFEFF,
            0xFFFE,
        ]
    )
    # A few stray controls in prose (under the 5 % that marks binary data) are dropped...
    c.article(
        "controls-sprinkled.txt",
        "controls",
        (ARTICLE * 12).replace("Tuesday", "Tues" + controls[:3] + "day") + controls,
        "ok",
        phrase="Lopez",
        clean=True,
    )
    # ... while text dense with them may be refused as binary, in a sentence.
    c.article("controls-dense.txt", "controls", ARTICLE.replace(" ", " " + controls[:3]), "either")
    c.article("too-long-text.txt", "huge", "word " * 1_100_000, "refused")
    huge = c.folder / "huge-sparse.txt"
    with huge.open("wb") as stream:  # sparse: 120 MB claimed, almost nothing written
        stream.truncate(120 * 1024 * 1024)
    c.add("huge-sparse.txt", "huge", [{"op": "import", "file": "{in}/huge-sparse.txt"}], "refused")
    c.add(
        "fifo.txt",
        "device",
        [{"op": "mkfifo", "path": "{out}/fifo.txt"}, {"op": "import", "file": "{out}/fifo.txt"}],
        "refused",
    )
    c.add("missing.txt", "device", [{"op": "import", "file": "{out}/nowhere.txt"}], "refused")
    c.add(
        "unknown-encoding.txt",
        "encoding",
        [{"op": "import", "file": c.write("enc.txt", ARTICLE), "encoding": "no-such-codec"}],
        "refused",
    )


SCRIPTS = {
    "latin": "Maria Lopez said the talks in Geneva had failed on Tuesday.",
    "cyrillic": "Министр иностранных дел заявил, что переговоры провалились.",
    "greek": "Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες απέτυχαν.",
    "arabic": "قال وزير الخارجية إن المحادثات فشلت يوم الثلاثاء.",
    "cjk": "外交部长周二表示，日内瓦的谈判已经失败。",
    "hindi": "विदेश मंत्री ने कहा कि बातचीत विफल हो गई है।",
}


def utf16_cases(c: Corpus) -> None:
    for script, sentence in SCRIPTS.items():
        text = (sentence + "\n\n") * 8
        for codec, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
            short = codec[-2:]
            c.article(
                f"utf16{short}-{script}-bom.txt",
                "encoding",
                bom + text.encode(codec),
                "ok",
                phrase=sentence[:20],
            )
            c.article(
                f"utf16{short}-{script}-nobom.txt",
                "encoding",
                text.encode(codec),
                "ok",
                phrase=sentence[:20],
            )


def pathological_text_cases(c: Corpus) -> None:
    tail = "\n\n" + ARTICLE
    c.article(
        "spaces-100k.txt",
        "pathological",
        "Intro line." + " " * 100_000 + "x" + tail,
        "ok",
        phrase=PHRASE,
    )
    c.article(
        "spaces-100k-eol.txt",
        "pathological",
        "Intro line." + " " * 100_000 + tail,
        "ok",
        phrase=PHRASE,
    )
    c.article(
        "nbsp-run.txt",
        "pathological",
        "Intro." + " \t\u00a0" * 40_000 + "y" + tail,
        "ok",
        phrase=PHRASE,
    )
    c.article(
        "tabs-1mb.txt",
        "pathological",
        "Intro." + "\t" * 1_000_000 + "z" + tail,
        "ok",
        phrase=PHRASE,
    )
    c.article(
        "million-lines.txt", "pathological", "ab\n" * 1_000_000 + ARTICLE, "ok", phrase=PHRASE
    )
    c.article("long-word.txt", "pathological", "x" * 200_000 + tail, "ok", phrase=PHRASE)
    c.article(
        "combining-flood.txt", "pathological", "a" + "\u0301" * 210_000 + tail, "ok", phrase=PHRASE
    )
    c.article(
        "combining-many.txt",
        "pathological",
        ("e" + "\u0301\u0327" * 50 + " ") * 3000 + tail,
        "ok",
        phrase=PHRASE,
    )
    c.article("cr-flood.txt", "pathological", "\r" * 300_000 + ARTICLE, "ok", phrase=PHRASE)
    c.article(
        "blank-lines.txt", "pathological", ARTICLE + "\n \n" * 300_000 + "end.", "ok", phrase=PHRASE
    )
    c.article(
        "digits-run.txt", "pathological", "1," * 200_000 + "000 troops." + tail, "ok", phrase=PHRASE
    )
    c.article(
        "quotes-run.txt",
        "pathological",
        "“" * 100_000 + " said Maria Lopez." + tail,
        "ok",
        phrase=PHRASE,
    )
    c.article("dots-run.txt", "pathological", "Mr" + "." * 200_000 + tail, "ok", phrase=PHRASE)
    c.article("said-flood.txt", "pathological", "said " * 150_000 + tail, "ok", phrase=PHRASE)
    c.article("question-flood.txt", "pathological", "?" * 200_000 + tail, "ok", phrase=PHRASE)
    dense_figure_cases(c)


def dense_figure_cases(c: Corpus) -> None:
    """Text made of nothing but figures or number words: every token is a candidate."""
    tail = "\n\n" + ARTICLE
    floods = {
        "number-words": "five hundred ",
        "number-words-mixed": "three million and twenty-two thousand ",
        "digit-lines": "1\n",
        "digit-spaces": "5 ",
        "dollars": "$1 ",
        "percents": "5% ",
        "ranges": "5 to ",
        "nbsp-digits": "1\u00a0000 ",
    }
    for name, piece in floods.items():
        c.article(
            f"{name}-flood.txt",
            "dense-figures",
            piece * (120_000 // len(piece)) + tail,
            "ok",
            phrase=PHRASE,
        )


def markdown_cases(c: Corpus) -> None:
    tail = "\n\n" + ARTICLE
    c.article(
        "heading-3000-spaces.md", "markdown", "#" + " " * 3000 + "x" + tail, "ok", phrase=PHRASE
    )
    c.article(
        "heading-spaces-hashes.md",
        "markdown",
        "# " + " " * 3000 + "#" * 3000 + " a" + tail,
        "ok",
        phrase=PHRASE,
    )
    c.article(
        "heading-spaces-eol.md",
        "markdown",
        "###### " + " \t" * 3000 + "\n" + ARTICLE,
        "ok",
        phrase=PHRASE,
    )
    c.article("emphasis-40k.md", "markdown", "*a" * 40_000 + tail, "ok", phrase=PHRASE)
    c.article("underscore-40k.md", "markdown", "_a" * 40_000 + tail, "ok", phrase=PHRASE)
    c.article("brackets-60k.md", "markdown", "[" * 60_000 + tail, "ok", phrase=PHRASE)
    c.article("links-nested.md", "markdown", "[a](" * 30_000 + tail, "ok", phrase=PHRASE)
    c.article("images-run.md", "markdown", "![" * 30_000 + "x" + tail, "ok", phrase=PHRASE)
    c.article("backticks.md", "markdown", "`a" * 50_000 + tail, "ok", phrase=PHRASE)
    c.article("table-pipes.md", "markdown", "|" * 100_000 + "\n|---|\n" + tail, "ok", phrase=PHRASE)
    c.article("html-in-md.md", "markdown", "<div>" * 30_000 + tail, "ok", phrase=PHRASE)
    c.article("list-markers.md", "markdown", "- " * 50_000 + "a" + tail, "ok", phrase=PHRASE)
    c.article("setext.md", "markdown", "Title\n" + "=" * 300_000 + tail, "ok", phrase=PHRASE)
    c.article(
        "md-bad-bytes.md",
        "encoding",
        ARTICLE.encode()[:60] + b"\xfe" + ARTICLE.encode()[60:] * 20,
        "ok",
        phrase="£45 million",
        absent="ВЈ",
    )


def html_cases(c: Corpus) -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    page = f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>"
    c.article(
        "script-tags.html",
        "markup",
        page.replace(
            "<article>", "<article><script>alert('pwned-script')</script><style>p{}</style>"
        ),
        "ok",
        phrase=PHRASE,
        absent="pwned-script",
    )
    c.article(
        "nested-100k.html",
        "markup",
        "<div>" * 100_000 + body + "</div>" * 100_000,
        "either",
        phrase=PHRASE,
    )
    c.article("nested-unclosed.html", "markup", "<b><i>" * 50_000 + body, "either", phrase=PHRASE)
    c.article(
        "entity-flood.html", "markup", f"<p>{'&amp;' * 300_000}</p>" + body, "ok", phrase=PHRASE
    )
    c.article(
        "numeric-entities.html",
        "markup",
        "<p>" + "&#0;&#xD800;&#x110000;" * 10_000 + "</p>" + body,
        "ok",
        phrase=PHRASE,
        clean=True,
    )
    laughs = "".join(
        f'<!ENTITY l{n} "&l{n - 1};&l{n - 1};&l{n - 1};&l{n - 1};">' for n in range(1, 12)
    )
    c.article(
        "laughs.html",
        "markup",
        f'<!DOCTYPE html [<!ENTITY l0 "lol">{laughs}]><html><body><p>&l11;</p>{body}</body></html>',
        "either",
        phrase=PHRASE,
        absent="lollollollollol",
    )
    c.article("comment-unclosed.html", "markup", body + "<!--" + "x" * 500_000, "ok", phrase=PHRASE)
    c.article(
        "attribute-5mb.html",
        "markup",
        f'<p title="{"a" * 3_000_000}">x</p>' + body,
        "either",
        phrase=PHRASE,
    )
    c.article(
        "charset-lies.html",
        "encoding",
        ('<meta charset="utf-16">' + page).encode("cp1252"),
        "ok",
        phrase="£45 million",
    )
    c.article("html-utf16.html", "encoding", page.encode("utf-16"), "ok", phrase=PHRASE)
    c.article(
        "html-controls.html",
        "controls",
        page.replace("Maria", "Ma\x00\x1b[31mria"),
        "ok",
        clean=True,
    )
    c.article("html-empty.html", "empty", "<html><body></body></html>", "refused")
    c.article("html-binary.htm", "binary", noise(100_000), "refused")
    c.article(
        "html-truncated.html", "truncated", page[: page.index("Officials")], "ok", phrase=PHRASE
    )


def docx_cases(c: Corpus) -> None:
    paragraphs = ARTICLE.strip().split("\n\n")
    good = ff.docx_bytes(paragraphs)
    c.article("ok.docx", "control", good, "ok", phrase=PHRASE)
    c.article("truncated.docx", "truncated", good[: len(good) // 2], "refused")
    c.article("truncated-tail.docx", "truncated", good[:-30], "either", phrase=PHRASE)
    c.article("empty.docx", "empty", b"", "refused")
    c.article("not-zip.docx", "binary", b"PK\x03\x04" + noise(4000), "refused")
    for member in ("docProps/core.xml", "word/document.xml"):
        short = member.split("/")[-1].split(".")[0]
        c.article(
            f"encrypted-{short}.docx",
            "zip",
            ff.patch_member(good, member, flags=1),
            "ok" if short == "core" else "refused",
            **({"phrase": PHRASE} if short == "core" else {}),
        )
        c.article(
            f"deflate64-{short}.docx",
            "zip",
            ff.patch_member(good, member, method=9),
            "ok" if short == "core" else "refused",
            **({"phrase": PHRASE} if short == "core" else {}),
        )
    c.article(
        "bzip2-document.docx",
        "zip",
        ff.docx_bytes(paragraphs, method=zipfile.ZIP_BZIP2),
        "either",
        phrase=PHRASE,
    )
    bomb = ff.docx_bytes(paragraphs, extra={"word/media/bomb.bin": b"\0" * 250_000_000})
    c.article("zip-bomb.docx", "zip", bomb, "refused")
    repetitive = ff.docx_bytes([*paragraphs, "The same sentence again. " * 40_000])
    c.article("repetitive-1mb.docx", "zip", repetitive, "ok", phrase=PHRASE, absent="0 MB")
    laughs = "".join(
        f'<!ENTITY l{n} "&l{n - 1};&l{n - 1};&l{n - 1};&l{n - 1};">' for n in range(1, 15)
    )
    doctype = f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>'
    c.article(
        "laughs-document.docx",
        "xml-bomb",
        ff.docx_bytes(
            document=ff.document_xml([*paragraphs, "&l14;"], doctype=doctype).replace(
                b"&amp;l14;", b"&l14;"
            )
        ),
        "refused",
    )
    c.article(
        "laughs-core.docx",
        "xml-bomb",
        ff.docx_bytes(
            paragraphs,
            core=(
                f'<?xml version="1.0"?>{doctype}<cp:coreProperties xmlns:cp="x"><t>&l14;</t>'
                "</cp:coreProperties>"
            ).encode(),
        ),
        "ok",
        phrase=PHRASE,
    )
    c.article(
        "no-document.docx", "zip", ff.zip_bytes({"docProps/core.xml": ff.core_xml()}), "refused"
    )
    c.article(
        "many-members.docx",
        "zip",
        ff.docx_bytes(paragraphs, extra={f"x/{n}.xml": b"" for n in range(6000)}),
        "refused",
    )
    c.article(
        "controls.docx",
        "controls",
        ff.docx_bytes([p.replace(" ", " \x0b") for p in paragraphs] + ["\x1b[31m red"]),
        "ok",
        phrase="Lopez",
        clean=True,
    )
    c.article(
        "deep-xml.docx",
        "xml-bomb",
        ff.docx_bytes(
            document=(
                f'<w:document xmlns:w="{ff._W}"><w:body>'
                + "<w:sdt><w:sdtContent>" * 100_000
                + "</w:sdtContent></w:sdt>" * 100_000
                + "</w:body></w:document>"
            ).encode()
        ),
        "either",
    )
    c.article(
        "core-huge-title.docx",
        "huge",
        ff.docx_bytes(paragraphs, core=ff.core_xml(title="T" * 500_000)),
        "ok",
        phrase=PHRASE,
    )
    c.article(
        "surrogates.docx",
        "encoding",
        ff.docx_bytes(
            document=ff.document_xml([*paragraphs, "bad \udc80 char"]).replace(
                b"\xed\xb2\x80", b"&#xDC80;"
            )
        ),
        "either",
        phrase=PHRASE,
    )


def pdf_cases(c: Corpus) -> None:
    lines = [
        line
        for line in ARTICLE.replace("“", '"').replace("”", '"').replace("£", "GBP ").split("\n")
        if line
    ]
    good = ff.pdf_bytes([ff.text_stream(lines)])
    c.article("ok.pdf", "control", good, "ok", phrase=PHRASE)
    c.article("truncated.pdf", "truncated", good[: len(good) // 3], "either", phrase=PHRASE)
    c.article("truncated-header.pdf", "truncated", good[:20], "refused")
    c.article(
        "broken-xref.pdf",
        "pdf",
        good.replace(b"xref\n0", b"xref\n9").replace(b"startxref\n", b"startxref\n99"),
        "either",
        phrase=PHRASE,
    )
    c.article("no-xref.pdf", "pdf", good[: good.index(b"xref")], "either", phrase=PHRASE)
    c.article("garbage.pdf", "binary", b"%PDF-1.7\n" + noise(100_000), "refused")
    c.article("no-text.pdf", "pdf", ff.pdf_bytes([b"0 0 m 100 100 l S"]), "refused")
    ops = ff.text_stream(lines) + b"\nBT /F1 1 Tf " + b"(a) Tj " * 300_000 + b"ET"
    c.article("operators-300k.pdf", "pathological", ff.pdf_bytes([ops]), "either", phrase=PHRASE)
    # Every page the same: lines repeated on each page look like running headers, but
    # when they are all the text there is, they are the article, not furniture.
    c.article(
        "repeated-pages.pdf", "pdf", ff.pdf_bytes([ff.text_stream(lines)] * 10), "ok", phrase=PHRASE
    )
    c.article(
        "many-pages.pdf",
        "huge",
        ff.pdf_bytes([ff.text_stream([f"Page {n} of the report.", *lines]) for n in range(3000)]),
        "either",
        phrase=PHRASE,
    )
    loop = good.replace(b"/Pages 2 0 R", b"/Pages 1 0 R")
    c.article("self-reference.pdf", "pdf", loop, "either")
    nested = ff.pdf_bytes([ff.text_stream(lines)]).replace(
        b"/Title (Hostile PDF)", b"/Title " + b"[" * 50_000 + b"]" * 50_000
    )
    c.article("nested-arrays.pdf", "pdf", nested, "either", phrase=PHRASE)
    c.article("empty.pdf", "empty", b"", "refused")


def paste_cases(c: Corpus) -> None:
    c.paste(
        "paste-surrogates",
        "encoding",
        ARTICLE.replace("Tuesday", "Tues\ud800day\udfff"),
        "ok",
        phrase=PHRASE,
        clean=True,
    )
    c.paste(
        "paste-controls",
        "controls",
        "\x00\x1b" + ARTICLE + "\x7f\x9b",
        "ok",
        phrase=PHRASE,
        clean=True,
    )
    c.paste(
        "paste-rtl",
        "bidi",
        "\u202eMaria Lopez\u202c said \u2067שלום\u2069. " + ARTICLE,
        "ok",
        phrase=PHRASE,
        clean=True,
    )
    c.paste(
        "paste-combining",
        "pathological",
        "a" + "\u0308" * 210_000 + " " + ARTICLE,
        "ok",
        phrase=PHRASE,
    )
    c.paste(
        "paste-spaces", "pathological", "a" + " " * 100_000 + "\n" + ARTICLE, "ok", phrase=PHRASE
    )
    c.paste("paste-empty", "empty", "   \n\t ", "refused")
    c.paste("paste-only-surrogates", "empty", "\ud800\udc00\udfff" * 10, "either")
    c.paste(
        "paste-noncharacters",
        "controls",
        "\ufffe\uffff\U0001fffe" + ARTICLE,
        "ok",
        phrase=PHRASE,
        clean=True,
    )


def cli_extract_cases(c: Corpus) -> None:
    """The command line reads a few of the worst files too: its messages reach users."""
    for name in (
        "spaces-100k.txt",
        "heading-3000-spaces.md",
        "deflate64-core.docx",
        "utf8-few-bad-bytes.txt",
        "binary-random.txt",
        "truncated.pdf",
        "encrypted-document.docx",
    ):
        original = next(case for case in c.cases if case.name == name)
        steps = [cli("extract", "--format", "json", original.steps[0]["file"])]
        c.add(
            f"cli-extract-{name}",
            original.kind,
            steps,
            original.expect,
            phrase=original.phrase,
            absent=original.absent,
        )


# ----- briefings, exports, templates ---------------------------------------------------------
def briefing_cases(c: Corpus) -> None:
    for name, kind, data, expect in bf.damaged_briefings():
        c.add(name, kind, [{"op": "load_save", "file": c.write(name, data)}], expect)
    for name, kind, briefing, phrase in bf.export_briefings():
        stored = c.write(name, bf.briefing_file(briefing))
        c.add(f"{name}:save", kind, [{"op": "load_save", "file": stored}], "ok")
        for fmt in ("pdf", "docx"):
            c.add(
                f"{name}:{fmt}",
                kind,
                [cli("export", stored, "-o", f"{{out}}/out.{fmt}")],
                "ok",
                phrase=phrase,
            )


def output_cases(c: Corpus) -> None:
    stored = c.write("plain.briefing", bf.briefing_file(bf.plain_briefing()))
    long_name = "{out}/" + "n" * 300
    targets = {
        "long-name": long_name + ".pdf",
        "long-folder": "{out}/" + "d" * 300 + "/out.docx",
        "missing-folder": "{out}/no/such/folder/out.docx",
        "dev-null": "/dev/null/x.pdf",
    }
    for name, target in targets.items():
        c.add(f"export-{name}", "output", [cli("export", stored, "-o", target)], "refused")
    c.add(
        "export-folder",
        "output",
        [
            {"op": "mkdir", "path": "{out}/folder.pdf"},
            cli("export", stored, "-o", "{out}/folder.pdf"),
        ],
        "refused",
    )
    for fmt in ("pdf", "docx"):
        c.add(
            f"export-fifo.{fmt}",
            "output",
            [
                {"op": "mkfifo", "path": f"{{out}}/f.{fmt}"},
                cli("export", stored, "-o", f"{{out}}/f.{fmt}"),
            ],
            "refused",
        )
    disk_full_cases(c, stored)
    # Input names over the system's limit, through every entry point that takes a path.
    c.add("import-long-name", "output", [{"op": "import", "file": long_name + ".txt"}], "refused")
    c.add(
        "load-long-name",
        "output",
        [{"op": "load_save", "file": long_name + ".briefing"}],
        "refused",
    )
    c.add("extract-long-name", "output", [cli("extract", long_name + ".md")], "refused")
    c.add(
        "export-input-long-name",
        "output",
        [cli("export", long_name + ".briefing", "-o", "{out}/x.pdf")],
        "refused",
    )
    c.add(
        "template-long-name",
        "output",
        [cli("templates", "import", long_name + ".bbtemplate")],
        "refused",
    )


def disk_full_cases(c: Corpus, stored: str) -> None:
    """Writes that fail for want of space (a file size limit stands in for a full disk)."""
    full = {"op": "fsize_limit", "bytes": 64}
    previous = "previous version"  # there is none: a new file was being written
    for fmt in ("pdf", "docx"):
        c.add(
            f"export-disk-full.{fmt}",
            "disk-full",
            [full, cli("export", stored, "-o", f"{{out}}/new.{fmt}")],
            "refused",
            unsaid=previous,
        )
        c.add(
            f"export-disk-full-existing.{fmt}",
            "disk-full",
            [
                {"op": "write", "path": f"{{out}}/old.{fmt}", "text": "the old export"},
                full,
                cli("export", stored, "-o", f"{{out}}/old.{fmt}"),
            ],
            "refused",
            keeps={f"{{out}}/old.{fmt}": "the old export"},
        )
    c.add(
        "save-disk-full",
        "disk-full",
        [full, {"op": "load_save", "file": stored}],
        "refused",
        unsaid=previous,
    )
    template = c.write("disk-full.bbtemplate", json.dumps(bf.template_document("Full disk")))
    c.add(
        "template-disk-full", "disk-full", [full, cli("templates", "import", template)], "refused"
    )


def template_cases(c: Corpus) -> None:
    for name, kind, document, reference, expect in bf.templates():
        stored = c.write(name, json.dumps(document, ensure_ascii=True))
        if isinstance(reference, bytes):
            c.write(document["template"]["style"]["reference_docx"], reference)
        elif reference == "fifo":
            os.mkfifo(c.folder / document["template"]["style"]["reference_docx"])
        steps = [cli("templates", "import", stored)]
        if expect != "refused":  # an imported template must then export, in both formats
            title = document["template"]["name"]
            plain = c.write("for-templates.briefing", bf.briefing_file(bf.plain_briefing()))
            steps += [
                cli("export", plain, "--template", title, "-o", f"{{out}}/t.{fmt}")
                for fmt in ("docx", "pdf")
            ]
        c.add(name, kind, steps, expect, phrase="" if expect == "refused" else "Maria Lopez")
    fifo_beside_export(c)


def fifo_beside_export(c: Corpus) -> None:
    """Exporting a template whose reference .docx would land on a FIFO must not block."""
    document, reference = bf.template_with_reference("Shared look", "shared-look.docx")
    stored = c.write("shared-look.bbtemplate", json.dumps(document))
    c.write("shared-look.docx", reference)
    c.add(
        "template-export-fifo",
        "device",
        [
            cli("templates", "import", stored),
            {"op": "mkfifo", "path": "{out}/shared-look.docx"},
            cli("templates", "export", "Shared look", "{out}/shared.bbtemplate"),
        ],
        "either",
    )


GROUPS: tuple[Callable[[Corpus], None], ...] = (
    text_cases,
    pathological_text_cases,
    markdown_cases,
    html_cases,
    docx_cases,
    pdf_cases,
    paste_cases,
    cli_extract_cases,
    briefing_cases,
    output_cases,
    template_cases,
)


def generate(folder: Path) -> list[Case]:
    """Write every case's files into folder (and manifest.json); the cases, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder)
    for group in GROUPS:
        group(corpus)
    manifest = [case.to_json() for case in corpus.cases]
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return corpus.cases


def by_kind(cases: list[Case]) -> Iterator[tuple[str, int]]:
    kinds: dict[str, int] = {}
    for case in cases:
        kinds[case.kind] = kinds.get(case.kind, 0) + 1
    yield from sorted(kinds.items())


if __name__ == "__main__":  # python -m tests.hostile.corpus FOLDER: write it to look at
    import sys

    written = generate(Path(sys.argv[1]))
    print(f"{len(written)} cases:", ", ".join(f"{k} {n}" for k, n in by_kind(written)))
