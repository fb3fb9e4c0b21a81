"""A window speaking Chinese names the bundled English areas in Chinese (`named_in`):
labels and descriptions from the bundled Chinese taxonomy, detection and its caches
exactly those of the English taxonomy, and a reader's own taxonomy as they wrote it."""

from __future__ import annotations

from pathlib import Path

from annotator import paths
from annotator.core.document import BlockKind, DocumentBuilder, Metadata
from annotator.services.reading import (
    active_taxonomy,
    bundled_taxonomy,
    detector_for,
    explain,
    named_in,
    open_sample,
    read_document,
)


def test_the_english_areas_are_named_in_chinese_with_the_same_terms_and_colours() -> None:
    english = bundled_taxonomy()
    shown = named_in(english, "zh_CN")
    peace = shown.area("peace-security")
    assert peace is not None and peace.label == "和平与安全"
    assert peace.description == bundled_taxonomy("zh").areas[0].description
    assert [a.label for a in shown.areas] == ["和平与安全", "气候", "人工智能治理", "多边改革",
                                               "人文交流"]
    assert shown.ids == english.ids and shown.source == english.source
    for mine, theirs in zip(shown.areas, english.areas, strict=True):
        assert (mine.color, mine.terms, mine.weak, mine.exclude, mine.venue,
                mine.companions, mine.negative) == (
            theirs.color, theirs.terms, theirs.weak, theirs.exclude, theirs.venue,
            theirs.companions, theirs.negative)
    assert named_in(english, "en") is english
    assert named_in(english, "") is english


def test_detection_and_its_cache_are_the_english_ones(annotator_home: Path) -> None:
    english = open_sample(bundled_taxonomy())
    cache = paths.state_dir() / "cache"
    kept = sorted(p.name for p in cache.glob("detected-*.pickle"))
    assert len(kept) == 1
    shown = open_sample(named_in(bundled_taxonomy(), "zh_CN"))
    assert shown.spans == english.spans and shown.spans
    assert sorted(p.name for p in cache.glob("detected-*.pickle")) == kept
    assert detector_for(shown.taxonomy) is detector_for(english.taxonomy)
    assert explain(shown) == explain(english)
    assert {a.label for a in shown.taxonomy.areas} >= {"和平与安全", "气候"}


def test_a_chinese_document_still_reads_with_the_chinese_terms() -> None:
    builder = DocumentBuilder()
    builder.add(BlockKind.PARAGRAPH, "两国承诺加快能源转型，在本世纪中叶前实现碳中和。")
    reading = read_document(builder.build(Metadata(language="zh")),
                            named_in(bundled_taxonomy(), "zh_CN"))
    assert reading.taxonomy is bundled_taxonomy("zh")
    assert {s.area for s in reading.spans} == {"climate"}


def write_own_taxonomy(area: str, label: str, term: str) -> Path:
    """A policy-areas.toml of the reader's own in the settings folder, with one area."""
    own = paths.user_taxonomy_location()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(f'version = 1\n[[areas]]\nid = "{area}"\nlabel = "{label}"\n'
                   f'color = "#0072b2"\ndescription = "Mine."\nterms = ["{term}"]\n',
                   encoding="utf-8")
    return own


def test_a_readers_own_taxonomy_is_shown_as_written(annotator_home: Path) -> None:
    own = write_own_taxonomy("peace-security", "Peace, mine", "ceasefire")
    taxonomy = active_taxonomy()
    assert taxonomy.source == str(own)
    assert named_in(taxonomy, "zh_CN") is taxonomy
    assert [(a.label, a.description) for a in taxonomy.areas] == [("Peace, mine", "Mine.")]


def test_detections_stay_kept_after_many_other_taxonomies(annotator_home: Path) -> None:
    """The compiled-taxonomy cache of this process starts over after eight; the bundled
    taxonomy, kept for the whole process, must still have its detections kept on disk."""
    for n in range(9):
        own = annotator_home / f"areas-{n}.toml"
        own.parent.mkdir(parents=True, exist_ok=True)
        own.write_text(f'version = 1\n[[areas]]\nid = "a{n}"\nlabel = "A{n}"\n'
                       f'color = "#0072b2"\ndescription = "D."\nterms = ["t{n}"]\n',
                       encoding="utf-8")
        active_taxonomy(own)
    open_sample(bundled_taxonomy())
    assert len(list((paths.state_dir() / "cache").glob("detected-*.pickle"))) == 1
