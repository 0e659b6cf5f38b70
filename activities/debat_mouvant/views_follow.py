"""The débat mouvant as the screen shows it, at phone size, for people with no screen to look
at: the statement, the distribution while it is shown, the arguments, then the movement as a
sentence and a table. One HTML element, built once per change for every phone
(`facilitation/ui/follow.py`); tallies arrive at most twice a second."""

from __future__ import annotations

from facilitation.ui.context import ViewContext
from facilitation.ui.follow import FollowBlock
from facilitation.ui.markup import esc

from .display import bar_html, colour, movement_table_html
from .state import ARGUMENTS, CONTROL, DebatState
from .tally import movement_sentence
from .views_common import shown_round, side_names, voted_text


def follow(ctx: ViewContext[DebatState]) -> None:
    FollowBlock(ctx, follow_html, ("phase", CONTROL, "tally", ARGUMENTS), testid="dm-follow")


def follow_html(ctx: ViewContext[DebatState]) -> str:
    state, run = ctx.state, ctx.state.run
    if run is None:
        return f"<p>{esc(ctx.t('debat_mouvant.no_statement'))}</p>"
    stage = run.stage
    parts = [
        f'<div class="text-xs uppercase cercle-muted">{esc(ctx.t("debat_mouvant.statement", n=state.current + 1))} · '
        f"{esc(ctx.t(f'debat_mouvant.stage.{stage}'))}</div>",
        f'<p class="dm-follow-prompt">{esc(ctx.text(run.statement.prompt))}</p>',
    ]
    if run.statement.form == "dilemma":
        parts += [
            f'<p style="border-left:6px solid {colour(run.statement, p)};padding-left:.5em">'
            f"<b>{p.upper()}</b> — {esc(ctx.text(run.statement.a if p == 'a' else run.statement.b))}</p>"
            for p in ("a", "b")
        ]
    if stage != "ready":
        round_ = shown_round(run)
        if run.open and run.hide_results:
            parts.append(f"<p>{esc(ctx.t('debat_mouvant.hidden_until_closed'))}</p>")
        else:
            d = run.distribution(round_)
            modes = not ctx.session.remote.remote_only
            parts.append(bar_html(run.statement, d, ctx.lang, size="phone", modes=modes))
        parts.append(f'<p class="text-sm">{esc(voted_text(ctx, run, round_))}</p>')
    if stage in ("arguments", "round2", "done"):
        names = side_names(run.statement, ctx)
        columns = []
        for side in ("a", "b"):
            items = "".join(f"<li>{esc(a.text)}</li>" for a in run.visible_arguments(side)[-5:])
            columns.append(
                f'<div><div class="font-bold" style="color:{colour(run.statement, side)}">{esc(names[side])}</div>'
                f"<ul>{items or '<li>—</li>'}</ul></div>"
            )
        parts.append(f'<div class="dm-follow-args">{"".join(columns)}</div>')
    if stage == "done":
        m = run.movement()
        parts.append(
            f'<p class="font-bold" data-testid="dm-follow-sentence">{esc(movement_sentence(run.statement, m, ctx.lang))}</p>'
        )
        if m.both:
            parts.append(movement_table_html(run.statement, m, ctx.lang))
    return "".join(parts)
