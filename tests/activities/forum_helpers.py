"""A forum session driven by pure commands: the agenda given, started, people joined with their
collège, and commands run as the host or a participant (what the Room does, without a store)."""

from __future__ import annotations

from typing import Any

from facilitation import session as rules
from facilitation.commands import HOST, SYSTEM, Actor
from facilitation.events import Event, decode, encode
from tests.harness import run

COLLEGES = ["public_agent", "civil_society", "citizen", "business", "other", "undisclosed", None]


class Forum:
    def __init__(
        self, agenda: list[rules.AgendaItem], people: int = 6, colleges: list[str | None] | None = None
    ):
        self.session = rules.SessionState()
        self.log: list[Event] = []
        self.now = 1000.0
        self.push(
            run(
                self.session, SYSTEM, rules.create, code="ABCDEF", title="Forum", agenda=agenda, colleges=True
            )
        )
        self.push(run(self.session, HOST, rules.start, now=self.tick()))
        chosen = colleges or [COLLEGES[i % len(COLLEGES)] for i in range(people)]
        self.tokens = [f"tok{i:03d}" for i in range(len(chosen))]
        for token, college in zip(self.tokens, chosen, strict=True):
            self.push(
                run(
                    self.session, Actor.participant(token), rules.join, None, "room", college, now=self.tick()
                )
            )

    def tick(self) -> float:
        self.now += 1
        return self.now

    def push(self, events: list[Event]) -> list[Event]:
        self.log.extend(events)
        return events

    def move_to(self, item: int) -> None:
        self.push(run(self.session, HOST, rules.move_to, item, now=self.tick()))

    def host(self, item: int, command: Any, *args: Any, **kwargs: Any) -> list[Event]:
        return self.push(run(self.session, HOST, command, *args, item=item, now=self.tick(), **kwargs))

    def phone(self, token: str, item: int, command: Any, *args: Any, **kwargs: Any) -> list[Event]:
        actor = Actor.participant(token)
        return self.push(run(self.session, actor, command, *args, item=item, now=self.tick(), **kwargs))

    def state(self, item: int) -> Any:
        return self.session.activities[item]

    def replayed(self) -> rules.SessionState:
        """The session rebuilt from its log, every event through JSON."""
        return rules.replay([decode(*encode(e)) for e in self.log])
