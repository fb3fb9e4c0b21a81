"""The sample document with a fixed set of annotations (fixed ids and times), for goldens."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from annotator.core.annotation import Annotation, Origin, quote_context
from annotator.core.summary import Summary, SummaryOptions, build_summary
from annotator.services.reading import Reading, bundled_taxonomy, open_sample

DOC_ID = "6f1c9a7e-2b3d-4c5e-8f90-a1b2c3d4e5f6"
GENERATED = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
T0 = datetime(2024, 5, 23, 8, 0, tzinfo=UTC)


def _at(reading: Reading, phrase: str, number: int, **fields: object) -> Annotation:
    text = reading.document.text
    start = text.index(phrase)
    exact, prefix, suffix = quote_context(text, start, start + len(phrase))
    when = T0.replace(minute=number)
    return Annotation(
        document_id=DOC_ID, start=start, end=start + len(phrase), exact=exact, prefix=prefix,
        suffix=suffix, id=f"00000000-0000-4000-8000-{number:012d}", created=when,
        modified=when, **fields,  # type: ignore[arg-type]
    )


def fixed_annotations(reading: Reading) -> list[Annotation]:
    """Reader highlights in several colours, notes (one multi-line with Markdown), tags,
    one accepted machine highlight, one reader highlight with no area, one deleted."""
    climate = next(s for s in reading.spans if s.area == "climate")
    text = reading.document.text
    exact, prefix, suffix = quote_context(text, climate.start, climate.end)
    accepted = Annotation(
        document_id=DOC_ID, start=climate.start, end=climate.end, exact=exact, prefix=prefix,
        suffix=suffix, color="#009e73", area="climate", origin=Origin.MACHINE,
        author_id="reader-1", author_name="Ada Teacher", id="00000000-0000-4000-8000-000000000099",
        created=T0, modified=T0,
    )
    return [
        accepted,
        _at(reading, "deploying technologies to reduce emissions from greenhouse gases like "
            "methane", 1, color="green", area="climate", author_id="reader-1",
            author_name="Ada Teacher", note="Concrete example of **technical** cooperation.",
            tags=("evidence", "climate policy")),
        _at(reading, "A notable example of successful cooperation is the recent handling of "
            "Iran-Israel tensions", 2, color="pink", area="peace-security",
            author_id="reader-2", author_name="Sam Student",
            note="Is this really cooperation?\n\nSee also [Reuters](https://www.reuters.com/).",
            tags=("question",)),
        _at(reading, "deepen cooperation within multilateral frameworks like the United Nations",
            3, color="yellow", area="multilateral-reform", author_id="reader-1",
            author_name="Ada Teacher", note="Key recommendation #1 — compare with the UN80 "
            "initiative.", tags=("recommendation",)),
        _at(reading, "As two of the world’s superpowers", 4, color="blue",
            author_id="reader-2", author_name="Sam Student", note="Framing: *superpowers*."),
        _at(reading, "San Francisco vision", 5, color="purple", area="peace-security",
            author_id="reader-1", author_name="Ada Teacher", deleted=True),
    ]


@pytest.fixture(scope="session")
def sample_reading() -> Reading:
    return open_sample(bundled_taxonomy())


@pytest.fixture(scope="session")
def sample_summary(sample_reading: Reading) -> Summary:
    return summary_of(sample_reading, SummaryOptions(suggestions=True, full_text=True))


def summary_of(reading: Reading, options: SummaryOptions,
               annotations: list[Annotation] | None = None) -> Summary:
    return build_summary(
        reading.document, reading.taxonomy, reading.spans,
        fixed_annotations(reading) if annotations is None else annotations,
        rejected={("ai-governance", s.start, s.end) for s in reading.spans_of("ai-governance")[:1]},
        options=options, document_id=DOC_ID, generated=GENERATED,
    )

