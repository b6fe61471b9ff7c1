"""``thematic saturation``: when did further interviews stop adding codes?"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from thematic.cli._common import (
    CoderOption,
    FormatOption,
    IdentifiedOption,
    OutputOption,
    console,
    done,
    emit_frame,
    export_study,
    print_json,
)
from thematic.study.saturation import SaturationReport

TABLE_COLUMNS = ["position", "participant", "date", "codes", "new", "cumulative"]


def saturation(
    method: str = typer.Option("guest", help="guest (Guest et al. 2020) or francis (2010)."),
    level: str = typer.Option(
        "code", help="Count codes, subthemes or themes: code|subtheme|theme."
    ),
    coder: str = CoderOption,
    base: int = typer.Option(4, help="Guest: interviews in the base."),
    run: int = typer.Option(2, help="Guest: interviews in a run."),
    threshold: float = typer.Option(0.05, help="Guest: new-information threshold (0.05 = 5%)."),
    initial: int = typer.Option(10, help="Francis: the initial analysis sample."),
    stop: int = typer.Option(3, help="Francis: consecutive interviews without new codes."),
    orderings: int = typer.Option(1000, help="Random interview orders to repeat the rule on."),
    seed: int = typer.Option(0, help="Seed of the random orders (the same seed, the same orders)."),
    output_format: str = FormatOption,
    output: Path = OutputOption,
    identified: bool = IdentifiedOption,
    figure: Path = typer.Option(None, "--figure", help="Also save the figure (PNG, SVG or PDF)."),
) -> None:
    """Thematic saturation: codes discovered interview by interview, the saturation point by
    Guest et al. (2020) or Francis et al. (2010), the same over random interview orders, and
    a Chao2 estimate of the codes not met yet, with a paragraph for the methods section."""
    leaving = output_format != "table" or figure is not None
    with export_study("saturation", identified, leaving=leaving) as study:
        report = study.saturation(
            method,
            level=level,
            coder=coder,
            base=base,
            run=run,
            threshold=threshold,
            initial=initial,
            stop=stop,
            orderings=orderings,
            seed=seed,
        )
    if figure is not None:
        _save_figure(report, figure)
    frame = report.to_dataframe()
    if output_format == "json":
        print_json({**summary(report), "interviews": frame.to_dict("records")})
        return
    if output_format != "table":
        emit_frame(frame, "Saturation", output_format, output)
        return
    _print_summary(report)
    shown = frame[TABLE_COLUMNS].assign(
        random_orders=[
            f"{round(m, 1):g} ({round(lo, 1):g}-{round(hi, 1):g})"
            for m, lo, hi in zip(frame.band_median, frame.band_low, frame.band_high, strict=True)
        ]
    )
    caption = f"Interviews by {report.order}; random orders: median (95% band) of cumulative"
    emit_frame(shown, "Interviews in order", "table", None, caption=caption)
    console.print(report.statement(), highlight=False, soft_wrap=False)


def summary(report: SaturationReport) -> dict[str, Any]:
    """The report without its per-interview table, JSON-ready."""
    over, chao = report.over_orders, report.richness
    return {
        "method": report.method,
        "level": report.level,
        "layer": report.layer,
        "order": report.order,
        "parameters": report.parameters,
        "interviews_count": len(report.interviews),
        "reached": report.reached,
        "at": report.at,
        "label": report.label,
        "total": report.curve.total,
        "random_orders": {
            "orderings": over.orderings,
            "seed": over.seed,
            "share_reached": over.share_reached,
            "median_at": over.median_at,
            "range_at": list(over.range_at) if over.range_at else None,
        },
        "chao2": {
            "estimable": chao.estimable,
            "observed": chao.observed,
            "estimate": None if not chao.estimable else chao.estimate,
            "lower": None if not chao.estimable else chao.lower,
            "upper": None if not chao.estimable else chao.upper,
            "undiscovered": None if not chao.estimable else report.undiscovered.estimate,
        },
        "statement": report.statement(),
    }


def _print_summary(report: SaturationReport) -> None:
    shown = ", ".join(f"{k} {v:g}" for k, v in report.parameters.items())
    console.print(f"[bold]Method[/bold]: {report.method_label}", highlight=False)
    console.print(
        f"[bold]Parameters[/bold]: {shown}; level {report.level}; layer {report.layer}; "
        f"order: {report.order}",
        highlight=False,
    )
    console.print(f"[bold]Result[/bold]: {report.label}", highlight=False)
    console.print(f"[bold]Random orders[/bold]: {report.over_orders.statement()}", highlight=False)
    console.print(f"[bold]Chao2[/bold]: {report.undiscovered.statement()}", highlight=False)


def _save_figure(report: SaturationReport, path: Path) -> None:
    from thematic.analysis import figures as plots
    from thematic.analysis.saturation_plot import saturation_curve

    fmt = path.suffix.lower().lstrip(".") or "png"
    written = plots.save_figure(saturation_curve(report), path.with_suffix(""), [fmt])
    done(f"Wrote {', '.join(str(p) for p in written)}.")
