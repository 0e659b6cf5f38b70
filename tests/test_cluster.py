"""The cluster of `make cluster` (PostgreSQL, Redis, three Cercle processes, HAProxy), driven
through the proxy by simulated phones (real socket.io connections): a débat mouvant, one process
killed in the middle of the votes. Every confirmed vote is stored once, every phone of the
killed process comes back through the proxy with its token, and the housekeeping lease moves.
PostgreSQL and Redis answer nobody without the passwords the cluster drew, and a line forged on
Redis by someone without Cercle's secret reaches no console and no phone."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
import subprocess
from collections import Counter

import httpx
import psycopg
import pytest

from bench.phones import SimClient, host_console, join_phone
from deploy.cluster import Cluster
from tests.test_subscriptions_end import click

pytestmark = [pytest.mark.cluster, pytest.mark.slow]

PLAN = "open-detat-2018-03-12"
LABELS = {"a": "A", "b": "B", "hesitant": "Hésitant·es"}
PHONES = 45


def token_of(phone: SimClient, code: str) -> str:
    """The participant's token, from the phone's signed session cookie (its payload is base64 JSON)."""
    payload = phone.cookies["session"].split(".")[0]
    data = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
    return data["cercle_tokens"][code]


def instance_of(client: SimClient) -> str:
    return client.cookies.get("cercle_instance", "?")


async def reopen(client: SimClient) -> SimClient:
    """What a browser does when its socket's process is gone: load the page again (through the
    proxy, with its cookies), then connect."""
    await client.close()
    fresh = SimClient(client.base_url, client.path, cookies=dict(client.cookies))
    for _ in range(60):
        try:
            return await fresh.open()
        except (httpx.HTTPError, OSError, ConnectionError):
            await asyncio.sleep(0.5)
    raise AssertionError("the page could not be loaded again through the proxy")


async def vote(phone: SimClient, position: str) -> bool:
    """Tap `position`; True once the phone shows it recorded."""
    button = await phone.wait_for_button(testid=f"dm-choice-{position}")
    confirmed = phone.expect(f"Position enregistrée : {LABELS[position]}")
    await phone.click(button)
    try:
        await asyncio.wait_for(confirmed, timeout=15)
        return True
    except (TimeoutError, ConnectionError):
        return False


def stored_votes(url: str, code: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as db:
        rows = db.execute(
            "SELECT payload FROM events WHERE session = %s AND type = 'debat_mouvant.position_taken' ORDER BY seq",
            [code],
        ).fetchall()
    return [(data["token"], data["position"]) for data in (json.loads(row[0]) for row in rows)]


async def healthz(client: httpx.AsyncClient, url: str) -> dict:
    return (await client.get(f"{url}/healthz")).json()


@pytest.fixture(scope="module")
def cluster():
    started = Cluster(3, durable=False).start()
    yield started
    started.stop()


async def test_a_process_killed_during_the_votes_loses_no_confirmed_vote_and_no_phone(cluster) -> None:
    base = cluster.base_url
    rng = random.Random(7)
    async with httpx.AsyncClient(timeout=30) as http:
        created = (await http.post(f"{base}/api/sessions", json={"plan": PLAN})).json()
        code, key = created["code"], created["host_key"]
        console = await host_console(base, code, key).open()
        await click(console, label="Démarrer la session")
        await click(console, label="Point suivant")  # shown once the session is live

        phones: list[SimClient] = []
        for _ in range(0, PHONES, 15):
            phones += await asyncio.gather(*(join_phone(base, code) for _n in range(15)))
        where = Counter(instance_of(p) for p in phones)
        assert set(where) == {"c1", "c2", "c3"}, where  # the proxy spread them over the three
        assert (await healthz(http, base))["sessions"]["open"] >= 1

        await click(console, label="Ouvrir le vote")
        await asyncio.gather(*(p.wait_for_button(testid="dm-choice-a") for p in phones))

        # The lease holder and the victim: the process that serves neither the console nor the
        # test's first look, so that the console keeps its page (it is checked separately).
        holders = [i for i in cluster.instances if (await healthz(http, i.base_url)).get("housekeeper")]
        assert len(holders) == 1
        victim = next(i for i in cluster.instances if i.name != instance_of(console))

        choices = [rng.choice(["a", "b", "hesitant"]) for _ in phones]
        first_half = asyncio.gather(*(vote(p, c) for p, c in zip(phones[::2], choices[::2], strict=True)))
        await asyncio.sleep(0.05)  # the point of the test: the votes are on their way...
        victim.kill()  # ...when a process is SIGKILLed, in the middle of the burst
        second_half = await asyncio.gather(
            *(vote(p, c) for p, c in zip(phones[1::2], choices[1::2], strict=True)), return_exceptions=True
        )
        confirmed = dict(zip(range(0, PHONES, 2), await first_half, strict=True))
        confirmed |= {i: ok is True for i, ok in zip(range(1, PHONES, 2), second_half, strict=True)}

        # Phones of the dead process come back through the proxy, to the others, as themselves.
        orphans = [i for i, p in enumerate(phones) if instance_of(p) == victim.name]
        assert orphans and all(phones[i].disconnected for i in orphans)
        for i in orphans:
            phones[i] = await reopen(phones[i])
            assert instance_of(phones[i]) != victim.name
        for i in orphans:
            shown = json.dumps(phones[i].elements, ensure_ascii=False)
            if f"Position enregistrée : {LABELS[choices[i]]}" in shown:
                confirmed[i] = True  # its page shows its own vote: its token was kept
                continue
            assert not confirmed[i], "a confirmed vote is not on the phone that came back"
            assert await vote(phones[i], choices[i])  # not confirmed before the crash: tapped again
            confirmed[i] = True

        for i, phone in enumerate(phones):  # a vote not confirmed elsewhere: tapped again
            if not confirmed[i]:
                confirmed[i] = await vote(phone, choices[i])
        assert all(confirmed.values())

        stored = stored_votes(cluster.postgres.url, code)
        assert len(stored) == PHONES
        tokens = Counter(token for token, _ in stored)
        assert all(n == 1 for n in tokens.values()), "a vote was stored twice"
        by_token = dict(stored)
        for i, phone in enumerate(phones):
            if confirmed[i]:  # every confirmed vote is in the log, with its phone's token
                assert by_token.get(token_of(phone, code)) == choices[i]
        assert len({token_of(p, code) for p in phones}) == PHONES

        # The housekeeping lease moves when its holder dies; here and in any case it is held once.
        survivors = [i for i in cluster.instances if i.alive()]
        for _ in range(40):
            held = [i for i in survivors if (await healthz(http, i.base_url)).get("housekeeper")]
            if len(held) == 1:
                break
            await asyncio.sleep(0.5)
        assert len(held) == 1

        # A vote on one process reaches a screen on another.
        screen = await SimClient(base, f"/screen/{code}").open()
        assert instance_of(screen) != victim.name
        assert f"{PHONES} ont pris position" in json.dumps(screen.elements, ensure_ascii=False)

        # Redis restarts: the processes subscribe again and catch up from the log; the console's
        # next move (on one process) reaches every phone (on both).
        killed_redis = cluster.redis
        killed_redis.kill()
        killed_redis.stop()
        cluster.redis = killed_redis.again().start()
        closed = [phone.expect("Le tour est clos") for phone in phones]
        await click(console, label="Clore le tour")
        _, missed = await asyncio.wait(closed, timeout=30)
        assert not missed
        for client in [*phones, console, screen]:
            await client.close()


async def test_a_name_typed_on_a_phone_shows_on_a_console_served_by_another_process(cluster) -> None:
    """Names never reach the log: they go through Redis (`facilitation/ephemeral.py`), and the
    console, on another process than the phone, shows the name its person typed."""
    base = cluster.base_url
    console_at, phone_at = [i.name for i in cluster.instances if i.alive()][:2]
    async with httpx.AsyncClient(timeout=30) as http:
        created = (await http.post(f"{base}/api/sessions", json={"title": "Prises de parole"})).json()
        code, key = created["code"], created["host_key"]
        item = {"kind": "speaking_turns", "title": "Tours de parole", "duration": 10}
        added = await http.post(
            f"{base}/api/sessions/{code}/agenda", json=item, headers={"Authorization": f"Bearer {key}"}
        )
        assert added.status_code == 201, added.text
    console = SimClient(
        base, f"/host/{code}", cookies={f"cercle_host_{code}": key, "cercle_instance": console_at}
    )
    await console.open()
    await console.click(await console.wait_for_button(label="Démarrer la session"))
    await console.click(await console.wait_for_button(label="Point suivant"))

    phone = await SimClient(base, f"/j/{code}", cookies={"cercle_instance": phone_at}).open()
    await phone.click(await phone.wait_for_button(testid="accept-charter"))
    await phone.click(await phone.wait_for_button(testid="join"))
    assert (instance_of(console), instance_of(phone)) == (console_at, phone_at)

    name = await phone.wait_for_button(testid="st-name")
    await phone.click(name, event="update:value", args=[json.dumps("Zoé Lambert")])
    shown, raised = console.expect("Zoé Lambert"), phone.expect("Votre main est levée")
    await phone.click(await phone.wait_for_button(testid="st-raise"))
    await asyncio.wait_for(raised, timeout=30)
    await asyncio.wait_for(shown, timeout=30)
    with psycopg.connect(cluster.postgres.url) as db:  # and the log never saw it
        payloads = db.execute("SELECT payload FROM events WHERE session = %s", [code]).fetchall()
    assert payloads and not any("Zoé" in str(row[0]) for row in payloads)
    for client in (phone, console):
        await client.close()


def run(*command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """A client of Debian's packages, with only the credentials given here."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "REDISCLI_"))}
    return subprocess.run(command, capture_output=True, text=True, timeout=30, env={**clean, **env})


def test_postgresql_and_redis_answer_nobody_without_the_passwords(cluster) -> None:
    pg, rd = cluster.postgres, cluster.redis
    psql = ["psql", "-h", "127.0.0.1", "-p", str(pg.port), "-w", "-tA"]
    no_password = run(*psql, "-U", "cercle", "-d", "cercle", "-c", "SELECT 1")
    assert no_password.returncode != 0 and "no password supplied" in no_password.stderr
    wrong = run(*psql, "-U", "cercle", "-d", "cercle", "-c", "SELECT 1", PGPASSWORD="not-the-password")
    assert wrong.returncode != 0 and "password authentication failed" in wrong.stderr
    as_superuser = run(*psql, "-U", "postgres", "-d", "postgres", "-c", "SELECT 1", PGPASSWORD=pg.password)
    assert as_superuser.returncode != 0 and "password authentication failed" in as_superuser.stderr
    elsewhere = run(*psql, "-U", "cercle", "-d", "postgres", "-c", "SELECT 1", PGPASSWORD=pg.password)
    assert elsewhere.returncode != 0 and "permission denied for database" in elsewhere.stderr
    roles = "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user"
    cercle = run(*psql, "-U", "cercle", "-d", "cercle", "-c", roles, PGPASSWORD=pg.password)
    assert (cercle.returncode, cercle.stdout.strip()) == (0, "f|f|f"), cercle.stderr

    cli = ["redis-cli", "-h", "127.0.0.1", "-p", str(rd.port)]
    assert "NOAUTH" in run(*cli, "PUBLISH", "cercle:heads", "x ABCDEF -1").stdout
    wrong_password = run(*cli, "--user", "cercle", "PING", REDISCLI_AUTH="not-the-password")
    assert "WRONGPASS" in wrong_password.stderr and "NOAUTH" in wrong_password.stdout
    assert run(*cli, "--user", "cercle", "PING", REDISCLI_AUTH=rd.password).stdout.strip() == "PONG"
    assert (
        "NOPERM" in run(*cli, "--user", "cercle", "CONFIG", "GET", "save", REDISCLI_AUTH=rd.password).stdout
    )


async def test_a_line_forged_on_redis_reaches_no_phone_and_no_console(cluster) -> None:
    """The attack of the issue, with Redis's own password but not Cercle's secret: "session
    erased" and 99,999 phones, published while a phone and the console (on two processes) are
    open. The console's next move reaches the phone, which was never told the session was
    erased; the console counts the one phone connected."""
    base = cluster.base_url
    console_at, phone_at = [i.name for i in cluster.instances if i.alive()][:2]
    async with httpx.AsyncClient(timeout=30) as http:
        created = (await http.post(f"{base}/api/sessions", json={"plan": PLAN})).json()
    code, key = created["code"], created["host_key"]
    console = SimClient(
        base, f"/host/{code}", cookies={f"cercle_host_{code}": key, "cercle_instance": console_at}
    )
    await console.open()
    phone = await SimClient(base, f"/j/{code}", cookies={"cercle_instance": phone_at}).open()
    await phone.click(await phone.wait_for_button(testid="accept-charter"))
    joined = console.expect("1 connecté·e maintenant")
    await phone.click(await phone.wait_for_button(testid="join"))
    await asyncio.wait_for(joined, timeout=30)
    assert (instance_of(console), instance_of(phone)) == (console_at, phone_at)

    cli = ["redis-cli", "-h", "127.0.0.1", "-p", str(cluster.redis.port), "--user", "cercle"]
    for line in (f"x {code} -1", f"x {code} c99999"):
        published = run(*cli, "PUBLISH", "cercle:heads", line, REDISCLI_AUTH=cluster.redis.password)
        assert published.returncode == 0 and int(published.stdout) >= 2  # every live process heard it
    live = console.expect("État : en cours")
    await console.click(await console.wait_for_button(label="Démarrer la session"))
    await asyncio.wait_for(live, timeout=30)
    await console.click(await console.wait_for_button(label="Point suivant"))
    await console.click(await console.wait_for_button(label="Ouvrir le vote"))
    await phone.wait_for_button(testid="dm-choice-a")  # the phone follows its session
    shown = json.dumps(phone.elements, ensure_ascii=False)
    assert "effacée" not in shown and not phone.disconnected
    counted = json.dumps(console.elements, ensure_ascii=False)
    assert "1 connecté·e maintenant" in counted and "100000 connecté" not in counted
    for client in (phone, console):
        await client.close()
