"""The `analyser` command: translates arguments into analyse/check calls and results into output."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from analyser.errors import AnalyserError, InternalError
from analyser.result import Flags

REPO = Path(__file__).resolve().parents[1]


def situation_options(command):
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
    def wrapper(*args, benefit, group, flags, **kwargs):
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
def analyse(letters: tuple[str, ...], situation, as_json: bool) -> None:
    """Analyse one or more letter files (PDF, scan, photo, TIFF or text).

    Example: analyser analyse letter.pdf --benefit esa --group support_group
    """
    from analyser import analyse_file

    failed = 0
    for path in letters:
        try:
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
                    result.model_dump(mode="json"), ensure_ascii=False, indent=None if len(letters) > 1 else 2
                )
            )
        else:
            click.echo(summary_text(result))
    if failed:
        sys.exit(last_error.exit_code if failed == len(letters) == 1 else 1)


def summary_text(result) -> str:
    """A few plain lines about one result, for people reading a terminal."""
    letter = result.letter
    lines = [
        f"{result.source.name}: {letter.type} (confidence {letter.type_confidence:.2f})",
        f"  work-focused interview summons: {'yes' if letter.is_wfi_summons else 'no'}",
        f"  attendance: {letter.attendance}"
        + (f" by group {letter.attendance_by_group}" if letter.attendance_by_group else ""),
        f"  threatens your benefit: {'yes' if letter.sanction_language else 'no'}",
    ]
    if letter.appointment:
        a = letter.appointment
        lines.append(
            f"  appointment: {a.date or '?'} {a.time or ''} {'by phone' if a.phone else (a.place or '')}".rstrip()
        )
    if letter.office:
        lines.append(f"  office: {letter.office}")
    for item in letter.evidence[:6]:
        lines.append(f'  evidence [{item.label}] p{item.page}: "{item.text}"')
    if result.check:
        lines.append(f"  verdict: {result.check.verdict}")
        lines.extend(f"    {reason.code}: {reason.text} ({reason.source})" for reason in result.check.reasons)
    lines.extend(f"  warning: {warning}" for warning in result.warnings)
    return "\n".join(lines)


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
    folder,
    out,
    situation_file,
    situations_csv,
    workers,
    report,
    csv_out,
    resume,
    split_pages,
    redact,
    dask_address,
    db_out=None,
):
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
@click.argument("labels", type=click.Path(exists=True, dir_okay=False))
@click.option("--scans", is_flag=True, help="Also render every letter as a degraded scan and score that.")
@click.option("--workers", type=int, default=2, show_default=True)
@click.option(
    "--json", "json_out", type=click.Path(dir_okay=False), help="Also write the results here, one per line."
)
def evaluate(labels: str, scans: bool, workers: int, json_out: str | None) -> None:
    """Score the analyser against gold-labelled letters (format: shared/eval/README.md).

    Example: analyser evaluate ../shared/eval/dev/letters.jsonl --scans
    """
    from analyser.evaluate import load_labels, misses, report, run

    gold = load_labels(Path(labels))
    modes = ["text", "scan"] if scans else ["text"]
    for mode in modes:
        rows = run(gold, mode, workers=workers)
        for line in report(rows, f"{Path(labels).name} as {mode}"):
            click.echo(line)
        for line in misses(rows):
            click.echo(line)
        if json_out:
            with open(json_out if mode == "text" else f"{json_out}.{mode}", "w", encoding="utf-8") as handle:
                for g, letter in rows:
                    handle.write(json.dumps({"source": {"name": f"{g['id']}.txt"}, "letter": letter}) + "\n")


@cli.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False),
    default=str(REPO / "samples" / "corpus"),
    show_default=True,
)
@click.option(
    "--out", type=click.Path(file_okay=False), default=str(REPO / "models" / "letter_type"), show_default=True
)
def train(corpus: str, out: str) -> None:
    """Rebuild the trained letter-type model in models/ from the labelled samples.

    Example: analyser train
    """
    from analyser.nlp.train import train as train_model

    scores = train_model(Path(corpus), Path(out))
    click.echo(
        f"trained on {scores['train']} letters, held out {scores['dev']}: "
        f"macro F1 {scores['scores'].get('cats_macro_f', 0):.3f} -> {out}"
    )


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
def letter(result_file, kind, name, ni_number, reference, address, reason, later_date, out) -> None:
    """Write a draft challenge or deferral letter from an analysis result (JSON).

    Example: analyser analyse l.pdf --benefit esa --group support_group --json > r.json;
    analyser letter r.json --kind challenge --name "Jo Bloggs" --out challenge.pdf
    """
    from analyser.result import AnalysisResult
    from analyser.rules.drafts import PersonDetails, draft_pdf, draft_text

    result = AnalysisResult.model_validate_json(Path(result_file).read_text(encoding="utf-8"))
    details = PersonDetails(
        name=name,
        ni_number=ni_number,
        reference=reference,
        address=address,
        reason=reason,
        later_date=later_date,
    )
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


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="analyser")
