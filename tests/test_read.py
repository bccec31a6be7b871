"""Readers: every input format, every kind of bad input, and the CLI's summary and --strict.

Inputs are written to tmp_path; the saved HTML page is built here, not taken from the corpus.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, need_shared
from qatynas.errors import InputError, InputWarning
from qatynas.model import Document
from qatynas.read import Item, content_id, read_paths
from qatynas.read.raw import text_chunks
from qatynas.settings import Settings

SETTINGS = Settings()
FIRST = "Қазақстан мен Армения арасындағы қарым-қатынастар тұрақты оң серпінге ие."
SECOND = "Бұл туралы ҚР Сыртқы істер министрінің орынбасары Ермұхамет Қонысбаев мәлімдеді."
ARTICLE = f"{FIRST}\n{SECOND}"


def read(*paths: Path | str, settings: Settings = SETTINGS, stdin: bytes = b"") -> list[Item]:
    return list(read_paths([str(p) for p in paths], settings, stdin=io.BytesIO(stdin)))


def docs(items: list[Item]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[Item]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --- the date-text format and plain text -------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "date"),
    [
        (f" date 2025-10-02 {ARTICLE}", "2025-10-02"),  # as in the example: date shares the line
        (f"date 2025-10-02\n{ARTICLE}\n", "2025-10-02"),
        (f"\ufeffdate 2025-10-02\r\n{FIRST}\r\n{SECOND}\r\n", "2025-10-02"),  # BOM and CRLF
        (f"\n\n{ARTICLE}\n\n", None),  # plain text, no date line
    ],
)
def test_date_text_and_plain_text(tmp_path: Path, content: str, date: str | None) -> None:
    (doc,) = read(write(tmp_path / "baq-kz-armenia.txt", content))
    assert isinstance(doc, Document)
    assert (doc.id, doc.date, doc.text) == ("baq-kz-armenia", date, ARTICLE)


def test_a_text_that_starts_with_the_word_date_keeps_it(tmp_path: Path) -> None:
    (doc,) = read(write(tmp_path / "a.txt", "date палмасы Қазақстанда өспейді."))
    assert isinstance(doc, Document)
    assert (doc.date, doc.text) == (None, "date палмасы Қазақстанда өспейді.")


def test_an_impossible_date_is_dropped_with_a_warning(tmp_path: Path) -> None:
    warning, doc = read(write(tmp_path / "a.txt", f"date 2025-13-40\n{ARTICLE}"))
    assert isinstance(warning, InputWarning) and isinstance(doc, Document)
    assert (warning.path, warning.line) == (str(tmp_path / "a.txt"), 2)
    assert "2025-13-40" in warning.message
    assert (doc.date, doc.text) == (None, ARTICLE)


def test_the_bundled_example_reads_as_its_gold_article() -> None:
    gold = need_shared("gold", "dev.articles.jsonl")
    (doc,) = read(EXAMPLE)
    assert isinstance(doc, Document)
    articles = {d.id: d for d in docs(read(gold))}
    assert doc.text == articles[doc.id].text
    assert doc.date == articles[doc.id].date == "2025-10-02"


def test_text_is_put_in_nfc(tmp_path: Path) -> None:
    decomposed = "Баи\u0306жан Ереванға барды."  # й typed as и + combining breve
    (doc,) = read(write(tmp_path / "a.txt", decomposed))
    assert isinstance(doc, Document)
    assert doc.text == "Байжан Ереванға барды."


# --- JSON Lines and JSON -----------------------------------------------------------------------


def test_json_lines_fields_extra_and_content_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path / "news.jsonl",
        jsonl(
            {
                "id": "kk-1",
                "date": "2025-12-13",
                "source": "Kazinform",
                "title": "Тоқаев",
                "text": FIRST,
                "text_latn": "Qazaqstan men Armenia",
            },
            {"date": "2025-12-13T09:30:00+05:00", "text": SECOND},
            {"id": 7, "text": FIRST},
        ),
    )
    first, second, third = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.date, first.source, first.title) == (
        "kk-1",
        "2025-12-13",
        "Kazinform",
        "Тоқаев",
    )
    assert first.extra == {"text_latn": "Qazaqstan men Armenia"}
    assert first.origin == f"{path}:1"
    assert (second.id, second.date) == (content_id(SECOND), "2025-12-13")
    assert second.id == docs(read(path))[1].id  # stable across runs
    assert isinstance(third, Document) and third.id == "7"


def test_json_array_pretty_object_and_json_lines_in_json_files(tmp_path: Path) -> None:
    array = write(
        tmp_path / "a.json",
        json.dumps([{"id": "a1", "text": FIRST}, {"id": "a2", "text": SECOND}], indent=2),
    )
    pretty = write(
        tmp_path / "b.json",
        "\ufeff" + json.dumps({"id": "b1", "text": FIRST}, indent=2, ensure_ascii=False),
    )
    lines = write(
        tmp_path / "c.json", jsonl({"id": "c1", "text": FIRST}, {"id": "c2", "text": SECOND})
    )
    assert [d.id for d in docs(read(array, pretty, lines))] == ["a1", "a2", "b1", "c1", "c2"]


def test_a_long_json_array_streams_across_chunks(tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "text": f"{FIRST} {i}"} for i in range(3000)]
    path = write(tmp_path / "all.json", json.dumps(records, ensure_ascii=False))  # one line, 400 kB
    got = read(path)
    assert [d.id for d in docs(got)] == [r["id"] for r in records] and not errors(got)


def test_an_error_in_a_json_array_names_its_line_and_keeps_what_came_before(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.json", '[\n{"id": "ok", "text": "Алматы"},\n{"id": "bad" "text": 1}\n]'
    )
    ok, err = read(path)
    assert isinstance(ok, Document) and isinstance(err, InputError)
    assert (err.path, err.line) == (str(path), 3)
    assert "malformed JSON" in err.message


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
def test_text_chunks_never_cut_a_character(size: int) -> None:
    text = "Қазақстан 🇰🇿 мен\nАрмения 😀 ынтымақтастық\n" * 3
    pieces = list(text_chunks("x", io.BytesIO(text.encode()), size))
    assert "".join(pieces) == text


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8">
<title>Тоқаев Ереванға барды | BAQ.KZ</title>
<meta property="og:site_name" content="BAQ.KZ">
<meta property="og:title" content="Тоқаев Ереванға барды">
<meta property="article:published_time" content="2025-10-02T10:15:00+05:00">
<link rel="canonical" href="https://baq.kz/tokayev-erevan">
</head><body><nav><a href="/">Басты бет</a> <a href="/news">Жаңалықтар</a></nav>
<article><h1>Тоқаев Ереванға барды</h1><p>{first}</p><p>{second}</p></article>
<footer>© 2025 BAQ.KZ Барлық құқықтар қорғалған</footer></body></html>"""


def test_a_saved_news_page(tmp_path: Path) -> None:
    (doc,) = read(write(tmp_path / "tokayev.html", PAGE.format(first=FIRST, second=SECOND)))
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.date, doc.source) == (
        "tokayev",
        "Тоқаев Ереванға барды",
        "2025-10-02",
        "BAQ.KZ",
    )
    assert doc.text == ARTICLE  # no menu, no footer, no repeated heading
    assert doc.extra == {"url": "https://baq.kz/tokayev-erevan"}


def test_a_page_in_its_declared_charset(tmp_path: Path) -> None:
    first, second = (
        "Россия и Армения подписали соглашение о сотрудничестве в Ереване.",
        "Об этом сообщил МИД России в понедельник, отметив важность диалога.",
    )
    page = PAGE.format(first=first, second=second).replace("utf-8", "windows-1251")
    page = page.replace("Тоқаев Ереванға барды", "Визит в Ереван").replace("Басты бет", "Главная")
    page = page.replace("Жаңалықтар", "Новости").replace("Барлық құқықтар қорғалған", "Все права")
    (doc,) = read(write(tmp_path / "ru.htm", page.encode("cp1251")))
    assert isinstance(doc, Document)
    assert doc.text == f"{first}\n{second}"


def test_a_page_without_an_article_is_reported(tmp_path: Path) -> None:
    (err,) = read(
        write(
            tmp_path / "empty.html",
            "<html><head><title>Жаңалықтар</title></head><body><script>a = 1;</script></body>",
        )
    )
    assert isinstance(err, InputError) and "no article text" in err.message


# --- standard input, sniffed -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stdin", "date"),
    [
        (jsonl({"id": "s1", "date": "2025-10-02", "text": ARTICLE}).encode(), "2025-10-02"),
        (f"date 2025-10-02 {ARTICLE}".encode(), "2025-10-02"),
        (ARTICLE.encode(), None),
        (f"<<{FIRST}>>\n{SECOND}".encode(), None),  # angle brackets, but no markup
        (PAGE.format(first=FIRST, second=SECOND).encode(), "2025-10-02"),
    ],
)
def test_standard_input_is_sniffed(stdin: bytes, date: str | None) -> None:
    (doc,) = read("-", stdin=stdin)
    assert isinstance(doc, Document)
    assert doc.date == date
    assert doc.text.replace("<<", "").replace(">>", "") == ARTICLE


# --- folders -----------------------------------------------------------------------------------


def test_folders_recursive_sorted_hidden_and_other_kinds(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", SECOND)
    write(tmp_path / "a" / "z.txt", FIRST)
    write(tmp_path / "a" / "m.jsonl", jsonl({"id": "m1", "text": FIRST}))
    write(tmp_path / ".git" / "config.txt", FIRST)
    write(tmp_path / ".hidden.txt", FIRST)
    write(tmp_path / "README.md", "# Мақалалар")
    write(tmp_path / "LICENSE", "Apache-2.0")
    png = write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    items = read(tmp_path)
    assert [d.id for d in docs(items)] == ["m1", "z", "b"]
    (err,) = errors(items)
    assert (err.path, err.line) == (str(png), 3) and "binary" in err.message  # NUL on line 3


def test_a_missing_path_is_reported(tmp_path: Path) -> None:
    (err,) = read(tmp_path / "nowhere.jsonl")
    assert isinstance(err, InputError) and "no such file" in err.message


# --- bad input: reported with file and line, the other records still read ------------------------

BAD_LINES = [
    (b'{"id": "x", "text": "\xd2\x9b\xff"}\n', 2, "not valid UTF-8: byte 0xFF"),
    (b'{"id": "x", "text": \n', 2, "malformed JSON"),
    (b'{"id": "x", "text": "  "}\n', 2, "empty article"),
    (b'{"id": "x"}\n', 2, "no text"),
    (b'{"id": "x", "text": ["a"]}\n', 2, "not a string"),
    (b'["not", "an", "object"]\n', 2, "not a JSON object"),
]


@pytest.mark.parametrize(("bad", "line", "message"), BAD_LINES)
def test_a_bad_json_line_is_reported_and_the_rest_read(
    tmp_path: Path, bad: bytes, line: int, message: str
) -> None:
    good = jsonl({"id": "g1", "text": FIRST}).encode()
    path = write(tmp_path / "news.jsonl", good + b"\n" + bad + good.replace(b"g1", b"g2"))
    items = read(path)
    assert [d.id for d in docs(items)] == ["g1", "g2"]
    (err,) = errors(items)
    assert (err.path, err.line) == (str(path), line + 1)
    assert message in err.message


def test_a_json_line_over_the_limit_is_skipped_unread(tmp_path: Path) -> None:
    small = Settings(max_article_chars=10)  # lines over 60 bytes + 1 MB are not read whole
    huge = jsonl({"id": "huge", "text": "а" * (2 << 20)})
    path = write(
        tmp_path / "n.jsonl",
        jsonl({"id": "a", "text": "Алматы"}) + huge + jsonl({"id": "b", "text": "Астана"}),
    )
    items = read(path, settings=small)
    assert [d.id for d in docs(items)] == ["a", "b"]
    assert [(e.line, "too long" in e.message) for e in errors(items)] == [(2, True)]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (
            f"{FIRST}\n{SECOND}\n".encode() + b"\xd0\x90\xd0\n",
            3,
            "not valid UTF-8: byte 0xD0 at byte 3",
        ),
        (f"{FIRST}\n".encode() + b"\x00\x01\x02", 2, "binary"),
        ("\ufeff".encode("utf-16"), 1, "UTF-16"),
        (b"date 2025-10-02\n \n\t\n", 4, "empty article"),
        (b"", 1, "empty article"),
        (("Алматы " * 200).encode(), 1, "too long"),
    ],
)
def test_a_bad_text_file_is_reported_and_the_next_read(
    tmp_path: Path, content: bytes, line: int, message: str
) -> None:
    bad = write(tmp_path / "a.txt", content)
    write(tmp_path / "b.txt", ARTICLE)
    items = read(tmp_path, settings=Settings(max_article_chars=1000))
    assert [d.id for d in docs(items)] == ["b"]
    (err,) = errors(items)
    assert (err.path, err.line) == (str(bad), line)
    assert message in err.message


def test_a_50_mb_article_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: NUL bytes that a read would report as binary
        f.truncate(50 << 20)
    (err,) = read(path)
    assert isinstance(err, InputError) and "too long" in err.message


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path: Path) -> None:
    (doc,) = read(
        write(tmp_path / "a.jsonl", '{"text": "Алматы \\ud800 қаласы", "note": "\\udfff"}\n')
    )
    assert isinstance(doc, Document)
    assert (doc.text, doc.extra) == ("Алматы \ufffd қаласы", {"note": "\ufffd"})


# --- the CLI: summary and --strict ---------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qatynas.cli", "extract", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_reports_bad_records_and_sums_up(tmp_path: Path) -> None:
    path = write(
        tmp_path / "n.jsonl",
        jsonl({"id": "a", "text": FIRST})
        + "{oops\n"
        + jsonl({"id": "b", "text": SECOND, "date": "soon"}),
    )
    proc = run(str(path))
    assert proc.returncode == 0
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["a", "b"]
    assert f"skipped {path}:2: malformed JSON" in proc.stderr
    assert f"warning: {path}:3: date 'soon'" in proc.stderr
    assert proc.stderr.rstrip().endswith("qatynas: 2 read, 1 skipped, 1 warning")


def test_cli_strict_stops_at_the_first_bad_record(tmp_path: Path) -> None:
    path = write(
        tmp_path / "n.jsonl",
        jsonl({"id": "a", "text": FIRST}) + "{oops\n" + jsonl({"id": "b", "text": SECOND}),
    )
    proc = run("--strict", str(path))
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["a"]
    assert "stopped at the first bad record" in proc.stderr
    assert proc.stderr.rstrip().endswith("qatynas: 1 read, 1 skipped")


def test_cli_fails_when_nothing_could_be_read(tmp_path: Path) -> None:
    proc = run(str(write(tmp_path / "a.txt", b"\xff\xfe\x00\x00")))
    assert proc.returncode == 1 and "0 read, 1 skipped" in proc.stderr


# --- the corpus reads without a single error ---------------------------------------------------


def test_the_corpus_reads_whole_and_unchanged() -> None:
    corpus = need_shared("corpus", "kk_news.jsonl")
    with corpus.open(encoding="utf-8") as f:
        source = [json.loads(line) for line in f if line.strip()]
    items = read(corpus)
    assert not errors(items) and not [i for i in items if isinstance(i, InputWarning)]
    assert [(d.id, d.text, d.title) for d in docs(items)] == [
        (r["id"], r["text"], r["title"]) for r in source
    ]
