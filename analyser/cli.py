"""The `analyser` command: translates arguments into analyse/check calls and results into output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from analyser.cli_dev import evaluate, train
from analyser.errors import AnalyserError, ExitCode, InternalError
from analyser.result import Flags

if TYPE_CHECKING:
    from analyser.result import AnalysisResult, Situation
    from analyser.rules.drafts import DraftKind  # not at run time: the command starts without fpdf


def situation_options(command: Callable[..., None]) -> Callable[..., None]:
    """--benefit, --group and --flag K=V, shared by every command that judges a letter."""

    @click.option("--benefit", help="The benefit you get, e.g. esa, universal_credit, income_support.")
    @click.option("--group", help="Your group, e.g. support_group, wrag, no_work_related_requirements.")
    @click.option(
        "--flag",
        "flags",
        multiple=True,
        metavar="K=V",
        help="A circumstance, e.g. gets_carers_allowance=true or lone_parent_youngest_child_age=1; dates as "
        "YYYY-MM-DD (date_of_birth=1960-05-10). Names: " + ", ".join(Flags.model_fields) + ".",
    )
    @functools.wraps(command)
    def wrapper(
        *args: Any, benefit: str | None, group: str | None, flags: tuple[str, ...], **kwargs: Any
    ) -> None:
        from analyser.rules.situations import situation_from_cli

        try:
            situation = situation_from_cli(benefit, group, list(flags))
        except AnalyserError as error:
            raise click.BadParameter(error.message) from error
        return command(*args, situation=situation, **kwargs)

    return wrapper


@click.group()
@click.version_option(package_name="letter-analyser")
def cli() -> None:
    """Read Jobcentre / DWP letters: is it a work-focused interview, must you go, is the demand wrongful?"""


@cli.command()
@click.argument("letters", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@situation_options
@click.option("--json", "as_json", is_flag=True, help="Print the full JSON result.")
@click.option(
    "--one-letter",
    is_flag=True,
    help="The files are the pages of one letter, in order (e.g. one photo each).",
)
def analyse(letters: tuple[str, ...], situation: Situation | None, as_json: bool, one_letter: bool) -> None:
    """Analyse one or more letter files (PDF, scan, photo, HEIC, TIFF or text).

    Example: analyser analyse letter.pdf --benefit esa --group support_group;
    analyser analyse --one-letter page1.jpg page2.jpg
    """
    from analyser import analyse_file, analyse_files

    failed = 0
    groups: list[tuple[str, ...]] = [letters] if one_letter else [(path,) for path in letters]
    for group in groups:
        path = group[0]
        try:
            if len(group) > 1:
                result = analyse_files(list(group), situation=situation)
            else:
                result = analyse_file(path, situation=situation)
        except Exception as caught:
            # One bad file never stops the others; a fault of ours is reported by type, not traceback.
            error = caught if isinstance(caught, AnalyserError) else InternalError()
            failed += 1
            click.echo(f"Error: {Path(path).name}: {error.message} ({error.type})", err=True)
            if not isinstance(caught, AnalyserError):
                click.echo(f"  ({type(caught).__name__}; please report it)", err=True)
            if as_json:
                record = {"source": {"name": Path(path).name}, "error": error.as_dict()}
                click.echo(json.dumps(record, ensure_ascii=False))
            last_error = error
            continue
        if as_json:
            click.echo(
                json.dumps(
                    result.model_dump(mode="json"), ensure_ascii=False, indent=None if len(groups) > 1 else 2
                )
            )
        else:
            click.echo(summary_text(result))
    if failed:
        sys.exit(last_error.exit_code if failed == len(groups) == 1 else ExitCode.FAILED)


def summary_text(result: AnalysisResult) -> str:
    """A few plain lines about one result, for people reading a terminal: every field of analyser.fields."""
    from analyser.fields import text_lines

    letter = result.letter
    heading = f"{result.source.name}: {letter.type} (confidence {letter.type_confidence:.2f})"
    shown = frozenset({"source.name", "letter.type", "letter.type_confidence"})
    return "\n".join([heading, *(f"  {field.label}: {line}" for field, line in text_lines(result, shown))])


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False), help="Results, one JSON object per line."
)
@click.option(
    "--situation",
    "situation_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A JSON file with one situation for every letter.",
)
@click.option(
    "--situations-csv",
    type=click.Path(exists=True, dir_okay=False),
    help="A CSV mapping file name to benefit, group and flags, one row per letter.",
)
@click.option("--workers", type=int, default=None, help="Processes to use (default: number of cores).")
@click.option("--report", type=click.Path(dir_okay=False), help="Write a self-contained HTML report here.")
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False), help="Write per-letter rows as CSV here.")
@click.option(
    "--db", "db_out", type=click.Path(dir_okay=False), help="Also write the results to this SQLite database."
)
@click.option("--resume", is_flag=True, help="Skip files whose sha256 is already in --out.")
@click.option("--split-pages", is_flag=True, help="Treat each page of a file as its own letter.")
@click.option(
    "--redact", is_flag=True, help="Remove names, addresses, NI and phone numbers, references from outputs."
)
@click.option(
    "--dask", "dask_address", default=None, help="Run on a Dask cluster: tcp://host:8786, or 'local'."
)
def batch(
    folder: str,
    out: str,
    situation_file: str | None,
    situations_csv: str | None,
    workers: int | None,
    report: str | None,
    csv_out: str | None,
    resume: bool,
    split_pages: bool,
    redact: bool,
    dask_address: str | None,
    db_out: str | None = None,
) -> None:
    """Analyse every letter in a folder (recursively) and write one result line per letter.

    Example: analyser batch letters/ --out results.jsonl --report report.html --workers 2
    """
    from analyser.batch import BatchOptions, run_batch

    options = BatchOptions(
        folder=Path(folder),
        out=Path(out),
        situation_file=Path(situation_file) if situation_file else None,
        situations_csv=Path(situations_csv) if situations_csv else None,
        workers=workers,
        resume=resume,
        split_pages=split_pages,
        redact=redact,
        dask_address=dask_address,
        report=Path(report) if report else None,
        csv=Path(csv_out) if csv_out else None,
        db=Path(db_out) if db_out else None,
    )
    try:
        summary = run_batch(options)
    except AnalyserError as error:
        raise click.ClickException(error.message) from error
    click.echo(summary.text())


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Serve the upload page and the HTTP API.

    Example: analyser serve --port 8000   (then open http://127.0.0.1:8000/)
    """
    from analyser.api.server import run

    run(host, port)


@cli.command()
@click.argument("result_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", type=click.Choice(["challenge", "deferral"]), required=True)
@click.option("--name", required=True, help="Your name, as on your benefit claim.")
@click.option("--ni-number", default=None, help="Your National Insurance number.")
@click.option("--reference", default=None, help="The reference on the letter.")
@click.option("--address", default=None, help="Your address (one line, commas between parts).")
@click.option("--reason", default=None, help="Why you need a later date (deferral).")
@click.option("--later-date", default=None, help="A date that would suit you (deferral).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="letter.pdf or letter.txt")
def letter(
    result_file: str,
    kind: DraftKind,
    name: str,
    ni_number: str | None,
    reference: str | None,
    address: str | None,
    reason: str | None,
    later_date: str | None,
    out: str,
) -> None:
    """Write a draft challenge or deferral letter from an analysis result (JSON).

    Example: analyser analyse l.pdf --benefit esa --group support_group --json > r.json;
    analyser letter r.json --kind challenge --name "Jo Bloggs" --out challenge.pdf
    """
    from analyser.result import AnalysisResult
    from analyser.rules.drafts import PersonDetails, draft_pdf, draft_text

    result = AnalysisResult.model_validate_json(Path(result_file).read_text(encoding="utf-8"))
    who = {"name": name, "ni_number": ni_number, "reference": reference, "address": address}
    details = PersonDetails(**who, reason=reason, later_date=later_date)
    try:
        text = draft_text(result, kind, details)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    target = Path(out)
    if target.suffix.lower() == ".pdf":
        target.write_bytes(draft_pdf(text))
    else:
        target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {target}")


cli.add_command(evaluate)
cli.add_command(train)


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="analyser")
