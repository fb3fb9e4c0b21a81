"""Which passages of a text discuss which policy area, and why.

The unit a reader sees highlighted is the sentence: a sentence is about an area when its
evidence reaches 1.0 (a term 1.0, a weak word 0.5, a venue such as "the UN" 1.0 but only
next to another word of the area or a companion, a word against the area -1.0; see
src/annotator/resources/taxonomies/policy-areas.toml), or when it continues the sentence before it
("It ...", "These initiatives ...", "By doing so ...", or a weak term right after a
sentence on the same area). Consecutive sentences on one area in one paragraph form one
passage. Each passage carries the words that matched and the rules that applied, so
every highlight can explain itself; `Detector.explain` gives every sentence's weights.
Agreement with a careful reader is measured by `python -m benchmarks.score_detection`.

Speed matters (a 5 MB text must take a few times `str.lower()`), so terms are found by
one pass of an Aho-Corasick DFA (ahocorasick-rs, 2-3x faster than pyahocorasick here and
it releases the GIL) over the original text, every term in the spellings it may take
(see `_case_variants`), longest match first: a false friend such as "social security"
or "exchange rate" is itself a pattern, so it swallows the shorter term inside it. Only
paragraphs that hold a hit are split into sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import attrgetter

import ahocorasick_rs

from annotator.core.document import Block, BlockKind, Document
from annotator.core.taxonomy import Taxonomy

STRONG, WEAK = 1.0, 0.5
THRESHOLD = 1.0
NEGATIVE = -1.0  # a word against the area cancels one term's worth of evidence
CLEAR = 2.0  # a very short sentence inherits only from a neighbour this sure of its area
SHORT_WORDS = 4  # "This must change." is short: it has no topic of its own
_SKIPPED_BLOCKS = frozenset({BlockKind.BYLINE, BlockKind.SOURCE})
_FULL_STOPS = ".!?…"
_CJK_STOPS = "。！？"
_CJK_FROM = "\u2e80"  # CJK radicals, kana and ideographs, and everything after them
_CLOSERS = frozenset("\"'”’)]")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\bMrs?|\bMs|\bDr|\bSt|\bProf|\bGen|\bSen|\bRep|\bJr|\bNo|\bvs|\bInc|\bCo)$"
)
_OPENER = re.compile(
    r"(?:It|Its|This|These|Those|That|They|Their|Such|Both|Thus|Therefore|Hence|"
    r"By doing so|In doing so|By so doing|Doing so|To that end|To this end|As such|"
    r"In turn|Similarly|Likewise|Moreover|Furthermore|Additionally|The latter)\b"
)
# "They ..." in a statement is its subject (the ministers), not the topic: it carries the
# topic on only into a sentence that has none of its own
_SUBJECT_OPENERS = frozenset({"They", "Their"})

# kinds of evidence, strongest first: a spelling listed under two kinds counts as the first
TERM, VENUE, WEAK_TERM, COMPANION, AGAINST = "term", "venue", "weak", "companion", "negative"
_KIND_WEIGHT = {TERM: STRONG, VENUE: STRONG, WEAK_TERM: WEAK, COMPANION: 0.0, AGAINST: NEGATIVE}
_RANK = {kind: rank for rank, kind in enumerate(_KIND_WEIGHT)}


@dataclass(frozen=True, slots=True)
class AreaSpan:
    """A passage of the text about one area, with the words and rules that made it so."""

    area: str
    start: int
    end: int
    terms: tuple[str, ...]
    reasons: tuple[str, ...] = ()  # the rules and carry-over that applied, in words


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why one sentence is, or is not quite, about one area."""

    area: str
    score: float
    weights: tuple[tuple[str, float], ...]  # each matched word and what it added
    terms: tuple[str, ...]  # the words that make the case, for the reader to see
    reasons: tuple[str, ...]
    counted: bool  # whether the sentence is highlighted for the area


@dataclass(frozen=True, slots=True)
class SentenceEvidence:
    start: int
    end: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class AreaSuggestion:
    """The area proposed for a reader's own highlight, and why."""

    area: str
    terms: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class _Pattern:
    wildcard: bool
    folded: bool  # from an all-lower-case term: report the match in lower case
    weights: tuple[tuple[str, str], ...]  # (area, kind); empty for a false friend


_block_end = attrgetter("end")

_Hit = tuple[int, int, _Pattern]  # start, end, pattern: tuples are 3x cheaper than objects


_DFA_FROM = 500_000  # characters; below this the DFA's build time outweighs its faster scan
_LARGE_TABLE = 50_000  # spellings (the bundled taxonomy has ~6,000); see `matcher`
_GRAM = 4  # a large table's spellings are indexed by their first characters (`_wanted`)
_FILTERED_UP_TO = 200_000  # characters; a longer text gets the whole large table's matcher


class _Automaton:
    """Every spelling of every term (leftmost-longest), and what each one means.

    Two matchers over the same keys: an NFA that builds in ~5 ms, for articles (it keeps
    the first paint fast), and a DFA that takes ~35 ms to build but scans 1.5x faster,
    built the first time a long text (a book, the 5 MB benchmark) needs it. A huge table
    is matched differently again (`matcher_for`).
    """

    def __init__(
        self, entries: dict[str, dict[str, str]], wildcards: set[str], folded: set[str]
    ) -> None:
        self.keys = list(entries)
        self.patterns = [
            _Pattern(key in wildcards, key in folded, tuple(entries[key].items()))
            for key in self.keys
        ]
        self._matchers: dict[str, ahocorasick_rs.AhoCorasick] = {}  # by implementation
        self._by_gram: dict[str, list[int]] | None = None  # see `_wanted`

    def __getstate__(self) -> dict[str, object]:
        """Keys and patterns only: the matchers (Rust objects) are rebuilt on use."""
        return {"keys": self.keys, "patterns": self.patterns}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.keys = state["keys"]  # type: ignore[assignment]
        self.patterns = state["patterns"]  # type: ignore[assignment]
        self._matchers = {}
        self._by_gram = None

    def matcher_for(self, text: str) -> tuple[ahocorasick_rs.AhoCorasick, list[_Pattern]]:
        """A matcher for `text` and the pattern behind each of its indexes.

        A huge table (a user's 100,000-term taxonomy: 300,000 spellings) takes ~0.5 s to
        build into a matcher, in every process, while an article holds the first
        characters of only a few of its spellings. So until a long text has needed the
        whole matcher, an article or a highlight gets one over just the spellings whose
        first `_GRAM` characters occur in it (~50 ms for the index, once, then ~1 ms).
        The hits are the same: a spelling that does not occur in a text can neither match
        there nor hide another match.
        """
        size = len(text)
        if (len(self.keys) <= _LARGE_TABLE or size > _FILTERED_UP_TO
                or _WHOLE_LARGE_TABLE in self._matchers):
            return self.matcher(size), self.patterns
        wanted = self._wanted(text)
        matcher = ahocorasick_rs.AhoCorasick(
            [self.keys[index] for index in wanted],
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA,
        )
        return matcher, [self.patterns[index] for index in wanted]

    def _wanted(self, text: str) -> list[int]:
        """Indexes of the spellings that may occur in `text`, in table order: those
        shorter than `_GRAM`, and those whose first `_GRAM` characters occur in it."""
        if self._by_gram is None:
            by_gram: dict[str, list[int]] = {}
            for index, key in enumerate(self.keys):
                by_gram.setdefault(key[:_GRAM] if len(key) >= _GRAM else "", []).append(index)
            self._by_gram = by_gram
        by_gram = self._by_gram
        grams = {text[i : i + _GRAM] for i in range(len(text) - _GRAM + 1)}
        grams.add("")
        return sorted(index for gram in grams & by_gram.keys() for index in by_gram[gram])

    def matcher(self, size: int) -> ahocorasick_rs.AhoCorasick:
        """The automaton for a text of `size` characters, built on first use.

        A huge table (a user's 100,000-term taxonomy) is rebuilt in every process, and
        then the build dominates: 300,000 spellings take 3.9 s as a DFA, 1.2 s as a
        contiguous NFA, 0.9 s as a noncontiguous one, whose scan is barely slower.
        """
        kind = (
            _WHOLE_LARGE_TABLE if len(self.keys) > _LARGE_TABLE
            else "DFA" if size >= _DFA_FROM
            else "ContiguousNFA"
        )
        matcher = self._matchers.get(kind)
        if matcher is None:
            matcher = self._matchers[kind] = ahocorasick_rs.AhoCorasick(
                self.keys,
                matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                implementation=getattr(ahocorasick_rs.Implementation, kind),
            )
        return matcher


_WHOLE_LARGE_TABLE = "NoncontiguousNFA"  # the implementation a huge table is built as


class Detector:
    """Compiled from a taxonomy once, then reused for every document."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        table: dict[str, dict[str, str]] = {}
        wildcards: set[str] = set()
        folded: set[str] = set()
        for area in taxonomy.areas:
            lists = (
                (area.terms, TERM), (area.venue, VENUE), (area.weak, WEAK_TERM),
                (area.companions, COMPANION), (area.negative, AGAINST), (area.exclude, ""),
            )
            for terms, kind in lists:
                for term in terms:
                    stem = term.rstrip("*")
                    for key in _case_variants(stem):
                        if term.endswith("*"):
                            wildcards.add(key)
                        if stem == stem.lower():
                            folded.add(key)
                        kinds = table.setdefault(key, {})
                        if kind and (area.id not in kinds or _RANK[kind] < _RANK[kinds[area.id]]):
                            kinds[area.id] = kind
        self._automaton = _Automaton(table, wildcards, folded) if table else None
        self._passages: dict[tuple[int, str], list[AreaSpan]] = {}

    def __getstate__(self) -> dict[str, object]:
        """Without the passages kept for `suggest_area`: they belong to this process."""
        return {k: v for k, v in self.__dict__.items() if k != "_passages"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._passages = {}

    def detect(self, document: Document) -> list[AreaSpan]:
        text = document.text
        spans: list[AreaSpan] = []
        for block, hits in self._blocks_with_hits(document, only_promising=True):
            spans.extend(_spans(self._block_sentences(text, block, hits)))
        spans.sort(key=lambda s: (s.start, s.area))
        return spans

    def explain(self, document: Document) -> list[SentenceEvidence]:
        """Every sentence with evidence for an area, counted or not, with its weights."""
        text = document.text
        found: list[SentenceEvidence] = []
        for block, hits in self._blocks_with_hits(document, only_promising=False):
            found.extend(s for s in self._block_sentences(text, block, hits) if s.evidence)
        return found

    def suggest_area(self, document: Document, start: int, end: int) -> AreaSuggestion | None:
        """The area a reader's highlight of text[start:end] belongs to, if one is clear.

        The highlight's own words decide first ("reduce emissions from greenhouse gases
        like methane" is climate even inside a sentence that is also about conflict);
        words of several areas are settled by the detection under the highlight; with no
        words of its own, a highlight inside passages of exactly one area takes that
        area. Only the blocks under the highlight are read.
        """
        text = document.text
        # Blocks are in order and do not overlap: the first ending after `start` is found
        # by bisection, so a book of 10,000 paragraphs costs a highlight no more.
        every = document.blocks
        blocks = []
        for index in range(bisect.bisect_right(every, start, key=_block_end), len(every)):
            if every[index].start >= end:
                break
            blocks.append(every[index])
        if self._automaton is None or not blocks or start >= end:
            return None
        found: dict[str, dict[str, str]] = {}
        for hit_start, hit_end, pattern in self._scan(self._automaton, text[start:end]):
            _add_hit(found, text[start + hit_start : start + hit_end], pattern)
        own = {area: _weigh(area, words) for area, words in found.items()}
        sure = [e for e in own.values() if e.score >= THRESHOLD]
        if len(sure) == 1:  # the highlight's own words name one area: nothing to settle
            return AreaSuggestion(sure[0].area, sure[0].terms, "the highlight's own words")
        under: dict[str, int] = {}
        for block in blocks:
            for span in self._block_passages(self._automaton, text, block):
                overlap = min(end, span.end) - max(start, span.start)
                if overlap > 0:
                    under[span.area] = under.get(span.area, 0) + overlap
        if sure:
            best = max(sure, key=lambda e: (e.score, under.get(e.area, 0)))
            rivals = [e for e in sure if e.score == best.score and e is not best]
            if rivals and under.get(best.area, 0) == max(under.get(e.area, 0) for e in rivals):
                return None
            return AreaSuggestion(best.area, best.terms, "the highlight's own words")
        if len(under) == 1:
            (area,) = under
            return AreaSuggestion(area, (), "inside a passage on this area")
        return None

    def words_for(self, text: str, area: str) -> tuple[str, ...]:
        """The words of `text` that count for `area`, once each in order: what a reader
        who accepts or rejects a passage of that area is deciding about
        (`core/learning.py`)."""
        if self._automaton is None:
            return ()
        found: dict[str, None] = {}
        for start, end, pattern in self._scan(self._automaton, text):
            if any(weighed == area for weighed, _ in pattern.weights):
                found[text[start:end]] = None
        return tuple(found)

    def _block_passages(self, automaton: _Automaton, text: str, block: Block) -> list[AreaSpan]:
        """The passages detected in one block, kept by where the block starts and its
        text (all they depend on): each highlight asks for the block it is in
        (`suggest_area`), and reading it again was most of a highlight's cost
        (`highlight_commit`, benchmarks/bench_store.py). Hashing the `Block` itself, a
        dataclass holding an Enum, cost more than the rest of the lookup."""
        key = (block.start, text[block.start : block.end])
        passages = self._passages.get(key)
        if passages is None:
            hits = self._scan(automaton, key[1])
            shifted = [(block.start + a, block.start + b, p) for a, b, p in hits]
            passages = _spans(self._block_sentences(text, block, shifted))
            if len(self._passages) >= 256:
                self._passages.clear()
            self._passages[key] = passages
        return passages

    def _blocks_with_hits(
        self, document: Document, *, only_promising: bool
    ) -> list[tuple[Block, list[_Hit]]]:
        hits = self._hits(document.text)
        if not hits:
            return []
        blocks = [b for b in document.blocks if b.kind not in _SKIPPED_BLOCKS]
        block_starts = [b.start for b in blocks]
        found: list[tuple[Block, list[_Hit]]] = []
        first = 0
        while first < len(hits):
            index = bisect.bisect_right(block_starts, hits[first][0]) - 1
            block = blocks[index] if index >= 0 else None
            if block is None or hits[first][0] >= block.end:
                first += 1
                continue
            last = first
            while last < len(hits) and hits[last][0] < block.end:
                last += 1
            if not only_promising or _may_reach_threshold(hits, first, last):
                found.append((block, hits[first:last]))
            first = last
        return found

    def _hits(self, text: str) -> list[_Hit]:
        if self._automaton is None:
            return []
        return self._scan(self._automaton, text)

    @staticmethod
    def _scan(automaton: _Automaton, text: str) -> list[_Hit]:
        hits: list[_Hit] = []
        size = len(text)
        append = hits.append
        matcher, patterns = automaton.matcher_for(text)
        for index, start, end in matcher.find_matches_as_indexes(text):
            pattern = patterns[index]
            if not pattern.weights:  # a false friend: it only swallows the terms inside it
                continue
            # Words are delimited by what is not a letter or digit, and, in Chinese and
            # Japanese, written without spaces, by nothing: a CJK character (from
            # U+2E80 on) beside a match is no part of the same word.
            if start and text[start - 1].isalnum() and text[start - 1] < _CJK_FROM:
                continue
            if end < size and text[end].isalnum() and text[end] < _CJK_FROM:
                if pattern.wildcard:
                    while end < size and text[end].isalnum():
                        end += 1
                elif text[end] == "s" and (end + 1 == size or not text[end + 1].isalnum()):
                    end += 1
                elif text.startswith("es", end) and (
                    end + 2 == size or not text[end + 2].isalnum()
                ):
                    end += 2
                else:
                    continue
            append((start, end, pattern))
        return hits

    def _block_sentences(
        self, text: str, block: Block, hits: list[_Hit]
    ) -> list[SentenceEvidence]:
        """Each sentence's evidence per area: its own words, the rules, the carried topic.

        Carry-over: a sentence led by a pronoun or connective ("It ...", "These ...",
        "By doing so ...") continues the topic of the run's head sentence, so a run of
        "It could ..." after a sentence on AI stays on AI (their own words may add
        another area, which does not carry on). A weak word right after a sentence on
        the same area counts. A very short sentence inherits only from a neighbour
        that is clearly on its area.
        """
        sentences = _sentences(text, block.start, block.end)
        bounds = [start for start, _ in sentences]
        # sentence index -> area -> matched word -> kind (the strongest seen)
        found: dict[int, dict[str, dict[str, str]]] = {}
        for hit_start, hit_end, pattern in hits:
            index = bisect.bisect_right(bounds, hit_start) - 1
            _add_hit(found.setdefault(index, {}), text[hit_start:hit_end], pattern)
        result: list[SentenceEvidence] = []
        previous: set[str] = set()  # areas of the sentence before
        previous_scores: dict[str, float] = {}
        topic: set[str] = set()  # areas of the run's head sentence
        for index, (start, end) in enumerate(sentences):
            here = found.get(index)
            if here is None and not previous:  # nothing of its own, nothing to continue
                previous_scores = {}
                topic = set()
                result.append(SentenceEvidence(start, end, ()))
                continue
            own = {area: _weigh(area, words) for area, words in (here or {}).items()}
            counted: dict[str, Evidence] = {}
            for area, evidence in own.items():
                if evidence.score >= THRESHOLD:
                    counted[area] = _counted(evidence)
                elif evidence.score > 0 and area in previous:
                    counted[area] = _counted(
                        evidence, "continues the sentence before on this area"
                    )
            carried = self._carried(text, start, end, topic, counted, previous_scores)
            for area in carried:
                if area in counted or (area in own and own[area].score < 0):
                    continue
                reason = f"carried over: “{carried[area]} …” continues the topic"
                base = own.get(area, Evidence(area, 0.0, (), (), (), False))
                counted[area] = _counted(base, reason)
            if not carried:
                topic = set(counted)
            previous = set(counted)
            previous_scores = {a: e.score for a, e in own.items()}
            merged = {**own, **counted}
            result.append(SentenceEvidence(start, end, tuple(merged[a] for a in sorted(merged))))
        return result

    @staticmethod
    def _carried(
        text: str,
        start: int,
        end: int,
        topic: set[str],
        counted: dict[str, Evidence],
        previous_scores: dict[str, float],
    ) -> dict[str, str]:
        """Areas a pronoun-led sentence takes from its run, each with the opening word."""
        opener = _OPENER.match(text, start) if topic else None
        if opener is None:
            return {}
        word = opener.group(0)
        if word in _SUBJECT_OPENERS and counted:
            return {}
        if len(text[start:end].split()) <= SHORT_WORDS:
            return {a: word for a in topic if previous_scores.get(a, 0.0) >= CLEAR}
        return dict.fromkeys(topic, word)


def _add_hit(per_area: dict[str, dict[str, str]], word: str, pattern: _Pattern) -> None:
    """Record a matched word under each area it speaks for, keeping its strongest kind."""
    word = word.lower() if pattern.folded else word
    for area, kind in pattern.weights:
        words = per_area.setdefault(area, {})
        if word not in words or _RANK[kind] < _RANK[words[word]]:
            words[word] = kind


def _weigh(area: str, words: dict[str, str]) -> Evidence:
    """One area's evidence in one sentence: terms, venues in company, words against it.

    A venue (the UN, the Security Council, a summit) is where something is said, not what
    it is about: it counts only next to another word of the area or one of its companions.
    """
    company = [w for w, kind in words.items() if kind in (TERM, WEAK_TERM, COMPANION)]
    weights: list[tuple[str, float]] = []
    terms: dict[str, None] = {}
    reasons: list[str] = []
    score = 0.0
    for word, kind in words.items():
        weight = _KIND_WEIGHT[kind]
        if kind == VENUE and not company:
            weight = 0.0
            reasons.append(f"“{word}” alone is a venue, not the topic")
        elif kind == VENUE:
            reasons.append(f"“{word}” counts with “{company[0]}”")
            terms.update({word: None, company[0]: None})
        elif kind == AGAINST:
            reasons.append(f"“{word}” argues against this area")
        elif kind == COMPANION:
            continue
        else:
            terms[word] = None
        score += weight
        weights.append((word, weight))
    return Evidence(area, score, tuple(weights), tuple(terms), tuple(reasons), False)


def _counted(evidence: Evidence, *more: str) -> Evidence:
    return Evidence(
        evidence.area, evidence.score, evidence.weights, evidence.terms,
        (*evidence.reasons, *more), True,
    )


def _spans(sentences: list[SentenceEvidence]) -> list[AreaSpan]:
    """Consecutive sentences on one area become one passage with their words and rules."""
    spans: list[AreaSpan] = []
    open_spans: dict[str, tuple[int, int, dict[str, None], dict[str, None]]] = {}
    for sentence in sentences:
        areas = {e.area: e for e in sentence.evidence if e.counted}
        for area in [a for a in open_spans if a not in areas]:
            spans.append(_close(area, open_spans.pop(area)))
        for area, evidence in areas.items():
            first, _, words, reasons = open_spans.get(
                area, (sentence.start, sentence.end, {}, {})
            )
            words.update(dict.fromkeys(evidence.terms))
            reasons.update((r, None) for r in evidence.reasons)
            open_spans[area] = (first, sentence.end, words, reasons)
    spans.extend(_close(area, value) for area, value in open_spans.items())
    return spans


def _may_reach_threshold(hits: list[_Hit], first: int, last: int) -> bool:
    """Whether any area's weight in a block can reach the threshold.

    A block whose hits are all weak and too few can produce no passage (carry-over needs
    a qualifying sentence in the same block), so it is not split into sentences at all:
    most off-topic paragraphs end here.
    """
    totals: dict[str, float] = {}
    for index in range(first, last):
        for area, kind in hits[index][2].weights:
            total = totals.get(area, 0.0) + max(_KIND_WEIGHT[kind], 0.0)
            if total >= THRESHOLD:
                return True
            totals[area] = total
    return False


def _close(area: str, value: tuple[int, int, dict[str, None], dict[str, None]]) -> AreaSpan:
    start, end, words, reasons = value
    return AreaSpan(area, start, end, tuple(sorted(words)), tuple(reasons))


def _stops(text: str, start: int, end: int) -> list[int]:
    """Positions of sentence-ending marks, found with str.find (C speed; `re` is 5x slower)."""
    found: list[int] = []
    for mark in _FULL_STOPS + _CJK_STOPS:
        position = text.find(mark, start, end)
        while position >= 0:
            found.append(position)
            position = text.find(mark, position + 1, end)
    found.sort()
    return found


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (start, end) pairs inside text[start:end], trailing spaces excluded.

    A full stop, question or exclamation mark ends a sentence when closing quotes and
    then white space and a non-lower-case character follow it, unless it closes an
    abbreviation or an initial (U.S., Mr., J. Smith). CJK stops always end one. Blocks
    hold no line breaks (the document builder folds white space).
    """
    sentences: list[tuple[int, int]] = []
    begin = start
    for stop in _stops(text, start, end):
        if stop < begin:
            continue
        cut = stop + 1
        if text[stop] in _FULL_STOPS:
            while cut < end and text[cut] in _FULL_STOPS:
                cut += 1
            while cut < end and text[cut] in _CLOSERS:
                cut += 1
            if cut >= end or not text[cut].isspace():
                continue
            after = cut
            while after < end and text[after].isspace():
                after += 1
            if after < end and text[after].islower():
                continue
            if text[stop] == "." and _ABBREVIATION.search(text, max(begin, stop - 5), stop):
                continue
            cut = after
        sentence_end = cut
        while sentence_end > begin and text[sentence_end - 1].isspace():
            sentence_end -= 1
        if sentence_end > begin:
            sentences.append((begin, sentence_end))
        begin = cut
    if begin < end:
        sentences.append((begin, end))
    return sentences or [(start, end)]


def _case_variants(term: str) -> set[str]:
    """The spellings a term is matched in, so one pass over the original text suffices.

    A term with capitals (AI, UNFCCC, "AI governance") keeps them: it is matched as
    written, in Title Case and in UPPER CASE. An all-lower-case term is also matched in
    Sentence case. This covers running text, headings and shouted headlines without
    lower-casing the whole document first.
    """
    title = " ".join(word[:1].upper() + word[1:] for word in term.split(" "))
    variants = {term, title, term.upper()}
    if term == term.lower():
        variants.add(term[:1].upper() + term[1:])
    return variants
