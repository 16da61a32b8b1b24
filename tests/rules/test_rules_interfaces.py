"""The new situation facts through every way in: --flag, the batch situations CSV and the HTTP API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from analyser.api import app
from analyser.cli import cli

LETTER = Path(__file__).resolve().parents[2] / "samples" / "letters" / "hw-esais-017.pdf"
NEW_FACTS = [
    "date_of_birth=1953-12-10",
    "pregnancy_due_date=2020-03-01",
    "baby_born_on=2020-02-28",
    "adoption_placement_date=2019-06-01",
    "foster_child_under_1=no",
    "partner_is_lead_carer=no",
    "earnings_above_threshold=no",
]


def _analyse(*options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["analyse", str(LETTER), "--json", *options])
    return result.exit_code, result.output


def test_the_cli_accepts_every_new_fact_and_reports_the_date_judged() -> None:
    flags = [part for fact in NEW_FACTS for part in ("--flag", fact)]
    code, output = _analyse("--benefit", "esa", "--group", "wrag", "--flag", "esa_style=new", *flags)
    assert code == 0, output
    check = json.loads(output)["check"]
    assert check["situation"]["flags"]["date_of_birth"] == "1953-12-10"
    assert check["situation"]["flags"]["pregnancy_due_date"] == "2020-03-01"
    assert set(check["judged_at"]) == {"date", "from"}
    assert isinstance(check["conflicts"], list)


def test_the_cli_accepts_uc_capability() -> None:
    code, output = _analyse("--benefit", "uc", "--flag", "uc_capability=LCWRA")
    assert code == 0, output
    assert json.loads(output)["check"]["effective_group"] == "no_work_related_requirements"


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("date_of_birth=10/12/1953", "use a date written YYYY-MM-DD"),
        ("pregnancy_due_date=soon", "use a date written YYYY-MM-DD"),
        ("uc_capability=lcx", "'lcw' or 'lcwra'"),
        ("partner_is_lead_carer=maybe", "use true/false"),
        ("date_of_birth=2999-01-01", "is not a date of birth"),
    ],
)
def test_an_invalid_new_fact_is_a_usage_error(flag: str, message: str) -> None:
    code, output = _analyse("--benefit", "uc", "--flag", flag)
    assert code == 2
    assert message in output and "Traceback" not in output


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def _post(client: TestClient, situation: dict) -> tuple[int, dict]:
    response = client.post(
        "/api/analyse",
        files={"file": ("letter.pdf", LETTER.read_bytes(), "application/pdf")},
        data={"situation": json.dumps(situation)},
    )
    return response.status_code, response.json()


def test_the_api_accepts_the_new_facts(client: TestClient) -> None:
    flags = {"date_of_birth": "1950-01-01", "uc_capability": "lcw", "partner_is_lead_carer": True}
    status, body = _post(client, {"benefit": "universal_credit", "flags": flags})
    assert status == 200, body
    assert body["check"]["situation"]["flags"]["uc_capability"] == "lcw"
    assert body["check"]["judged_at"]["from"] in ("letter_date", "appointment_date", "today")


@pytest.mark.parametrize(
    "flags",
    [{"date_of_birth": "yesterday"}, {"uc_capability": "lcwr"}, {"baby_born_on": "2020-13-01"}],
)
def test_the_api_rejects_invalid_new_facts_with_422(client: TestClient, flags: dict) -> None:
    status, body = _post(client, {"benefit": "universal_credit", "flags": flags})
    assert status == 422
    assert body["error"]["type"] == "InvalidSituation"


def test_the_batch_situations_csv_takes_the_new_facts(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(LETTER.read_bytes())
    (folder / "b.pdf").write_bytes(LETTER.read_bytes())
    people = tmp_path / "people.csv"
    people.write_text(
        "file,benefit,group,date_of_birth,uc_capability\na.pdf,uc,,1950-01-01,\nb.pdf,uc,,,lcwra\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.jsonl"
    args = ["batch", str(folder), "--out", str(out), "--situations-csv", str(people), "--workers", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    records = {r["source"]["name"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert records["a.pdf"]["check"]["situation"]["flags"]["date_of_birth"] == "1950-01-01"
    assert records["b.pdf"]["check"]["effective_group"] == "no_work_related_requirements"


def test_a_bad_new_fact_in_the_csv_stops_the_run_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    people = tmp_path / "people.csv"
    people.write_text("file,benefit,baby_born_on\nx.pdf,uc,last week\n", encoding="utf-8")
    options = {"out": tmp_path / "r.jsonl", "situations-csv": people}
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "letters"), *(f"--{k}={v}" for k, v in options.items())]
    )
    assert result.exit_code != 0
    assert "line 2" in result.output and "baby_born_on" in result.output


def test_the_result_page_says_which_date_it_judged_by(client: TestClient) -> None:
    response = client.post(
        "/check",
        files={"letter": ("letter.pdf", LETTER.read_bytes(), "application/pdf")},
        data={"benefit": "esa", "esa_group": "support_group"},
    )
    assert response.status_code == 200, response.text
    assert "Judged by the law as it stood on" in response.text
