"""`annotator areas FILE --explain`: each sentence's evidence, its weights and the rules."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.cli_process import run_annotator

SPEECH = (
    "Thank you, Madam President, for convening this meeting of the Security Council.\n\n"
    "Artificial intelligence is changing our world. "
    "It can undermine strategic stability and deterrence.\n"
)


def test_explain_prints_weights_and_rules(annotator_home: Path, tmp_path: Path) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    done = run_annotator(annotator_home, "areas", speech, "--explain")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out = done.stdout
    assert "Evidence per sentence" in out
    assert "- Multilateral reform 0.0: security council +0.0" in out
    assert "“security council” alone is a venue, not the topic" in out
    assert "+ Peace & security 2.0: strategic stability +1.0, deterrence +1.0" in out
    assert "carried over: “It …” continues the topic" in out
    assert "because: carried over" in out  # the passage list says why, too


def test_explain_in_json(annotator_home: Path, tmp_path: Path) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    done = run_annotator(annotator_home, "areas", speech, "--json", "--explain")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    by_exact = {s["exact"]: s for s in data["explain"]}
    venue = by_exact[
        "Thank you, Madam President, for convening this meeting of the Security Council."
    ]
    assert {e["area"] for e in venue["evidence"]} == {"multilateral-reform", "peace-security"}
    assert not any(e["counted"] for e in venue["evidence"])
    carried = by_exact["It can undermine strategic stability and deterrence."]
    ai = next(e for e in carried["evidence"] if e["area"] == "ai-governance")
    assert ai["counted"] and ai["weights"] == [] and ai["reasons"]
    ai_span = next(s for s in data["spans"] if s["area"] == "ai-governance")
    assert ai_span["reasons"] == ["carried over: “It …” continues the topic"]
    plain = json.loads(run_annotator(annotator_home, "areas", speech, "--json").stdout)
    assert "explain" not in plain
