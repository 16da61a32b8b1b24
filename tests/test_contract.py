"""The contract's shapes: every way in returns the same pydantic result, JSON-valid, with typed errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import analyser
from analyser import Situation, analyse_file, analyse_text
from analyser.errors import AnalyserError, InvalidSituation, UnsupportedFileType
from analyser.result import AnalysisResult

CONTRACT_LETTER_KEYS = {
    "type",
    "type_confidence",
    "is_wfi_summons",
    "attendance",
    "attendance_by_group",
    "sanction_language",
    "benefits_mentioned",
    "esa_group_stated",
    "office",
    "letter_date",
    "appointment",
    "evidence",
}


def _validate_contract(result: AnalysisResult) -> dict:
    data = json.loads(json.dumps(result.model_dump(mode="json")))
    assert data["schema"] == "letter-analysis/1"
    assert set(data) >= {"schema", "source", "letter", "check", "warnings"}
    assert set(data["source"]) >= {"name", "sha256", "media_type", "pages", "text_source", "ocr_confidence"}
    assert set(data["letter"]) >= CONTRACT_LETTER_KEYS
    # The JSON goes back into the model unchanged: it validates against the model's own schema.
    assert AnalysisResult.model_validate(data).model_dump(mode="json") == data
    return data


@pytest.mark.parametrize("kind", ["txt", "pdf", "scan-pdf", "scan-png"])
def test_every_file_kind_gives_a_valid_result(rendered: dict[str, Path], kind: str) -> None:
    data = _validate_contract(analyse_file(rendered[kind]))
    letter = data["letter"]
    assert letter["type"] == "wfi" and letter["is_wfi_summons"] is True
    assert letter["attendance"] == "mandatory" and letter["sanction_language"] is True
    assert data["check"] is None  # no situation given
    assert data["source"]["text_source"] == {"txt": "text", "pdf": "pdf_text"}.get(kind, "ocr")


def test_evidence_spans_point_into_the_page_text(rendered: dict[str, Path]) -> None:
    result = analyse_file(rendered["pdf"], include_text=True)
    pages = {page.number: page.text for page in result.pages}
    labels = {item.label for item in result.letter.evidence}
    assert {"mandatory", "sanction"} <= labels
    for item in result.letter.evidence:
        assert pages[item.page][item.start : item.end] == item.text


def test_situation_gives_a_check(wfi_text: str) -> None:
    result = analyse_text(wfi_text, situation=Situation(benefit="esa", group="support_group"))
    assert result.check is not None
    assert result.check.verdict == "likely_wrongful"
    assert all(reason.code and reason.source for reason in result.check.reasons)
    same = analyse_text(wfi_text, situation={"benefit": "esa", "group": "support_group"})
    assert same.check.verdict == "likely_wrongful"


def test_check_runs_on_the_letter_alone(wfi_text: str) -> None:
    letter = analyse_text(wfi_text).letter
    assert analyser.check(letter, Situation(benefit="esa", group="wrag")).verdict == "no_concern"


def test_letter_contradicting_itself_warns_without_situation(wfi_text: str) -> None:
    # The letter says "our records show you are in the support group" yet demands attendance.
    result = analyse_text(wfi_text)
    assert result.letter.esa_group_stated == "support_group"
    assert any("support group" in warning.lower() for warning in result.warnings)


@pytest.mark.parametrize(
    ("situation", "fragment"),
    [
        ({"benefit": "esa_plus"}, "choose one of: esa, income_support"),
        ({"benefit": "esa", "group": "gold_group"}, "unknown group"),
        ({"benefit": "universal_credit", "group": "support_group"}, "does not go with benefit"),
        ({"benefit": "esa", "flags": {"is_wizard": True}}, "flags.is_wizard"),
    ],
)
def test_bad_situations_are_typed_errors_naming_allowed_values(situation: dict, fragment: str) -> None:
    with pytest.raises(InvalidSituation, match=fragment.replace(".", r"\.")):
        Situation.parse(situation)


def test_errors_are_typed_with_status_and_exit_code(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UnsupportedFileType) as raised:
        analyse_file(path)
    error = raised.value
    assert isinstance(error, AnalyserError)
    assert error.http_status == 415 and error.exit_code != 0
    assert error.as_dict() == {"type": "UnsupportedFileType", "message": error.message}
