from __future__ import annotations

from pathlib import Path

import pytest

from facilitation import settings as config
from facilitation.settings import Settings


def test_flags_win_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERCLE_PORT", "9000")
    monkeypatch.setenv("CERCLE_LANG", "en")
    loaded = config.load(["--port", "9100", "--data-dir", str(tmp_path / "d")])
    assert loaded.port == 9100 and loaded.lang == "en" and loaded.data_dir == tmp_path / "d"


def test_storage_secret_is_generated_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CERCLE_STORAGE_SECRET", raising=False)
    monkeypatch.delenv("CERCLE_DATABASE_URL", raising=False)  # one process: a secret of its own
    first = config.load(["--data-dir", str(tmp_path)]).storage_secret
    assert len(first) >= 32
    assert config.load(["--data-dir", str(tmp_path)]).storage_secret == first
    assert (tmp_path / "storage-secret").stat().st_mode & 0o077 == 0  # readable by its owner only
    monkeypatch.setenv("CERCLE_STORAGE_SECRET", "given")
    assert config.load(["--data-dir", str(tmp_path)]).storage_secret == "given"


def test_public_url_is_what_the_qr_code_encodes() -> None:
    assert (
        Settings(host="0.0.0.0", public_url="https://forum.example.org/").base_url
        == "https://forum.example.org"
    )
    assert Settings(host="127.0.0.1", port=8080).base_url == "http://127.0.0.1:8080"


def test_open_to_the_room_uses_a_lan_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "interface_addresses", lambda: ["127.0.0.1", "192.168.1.20"])
    assert Settings(host="0.0.0.0", port=8080).base_url == "http://192.168.1.20:8080"
    monkeypatch.setattr(config, "interface_addresses", lambda: ["127.0.0.1"])
    assert Settings(host="0.0.0.0").base_url == "http://127.0.0.1:8080"  # main.py warns about this one


def test_bad_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        config.load(["--lang", "de", "--data-dir", str(tmp_path)])


def test_limits_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERCLE_ORGANISER_KEY", " sesame ")
    monkeypatch.setenv("CERCLE_MAX_OPEN_SESSIONS", "40")
    monkeypatch.setenv("CERCLE_DRAFT_TTL_HOURS", "0")
    loaded = config.load(["--data-dir", str(tmp_path), "--trusted-proxy", "127.0.0.1,10.0.0.0/8"])
    assert loaded.organiser_key == "sesame" and loaded.max_open_sessions == 40
    assert loaded.draft_ttl_hours == 0 and loaded.trusted_proxy == "127.0.0.1,10.0.0.0/8"
    assert loaded.creations_per_hour == 20 and loaded.creations_burst == 5 and loaded.frame_ancestors == ""


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["--trusted-proxy", "proxy.example"], {}),
        (["--frame-ancestors", "'self'; script-src *"], {}),
        ([], {"CERCLE_MAX_OPEN_SESSIONS": "many"}),
        ([], {"CERCLE_CREATIONS_PER_HOUR": "-1"}),
    ],
)
def test_bad_limits_settings_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv, env) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit):
        config.load([*argv, "--data-dir", str(tmp_path)])


def test_a_shared_log_needs_a_shared_secret_and_a_bus_needs_a_shared_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CERCLE_STORAGE_SECRET", raising=False)
    monkeypatch.delenv("CERCLE_DATABASE_URL", raising=False)
    monkeypatch.setenv("CERCLE_REDIS_URL", "redis://127.0.0.1:6379/0")
    with pytest.raises(SystemExit):
        config.load(["--data-dir", str(tmp_path)])
    assert "CERCLE_REDIS_URL needs CERCLE_DATABASE_URL" in capsys.readouterr().err
    monkeypatch.setenv("CERCLE_DATABASE_URL", "postgresql://cercle@127.0.0.1/cercle")
    with pytest.raises(SystemExit):
        config.load(["--data-dir", str(tmp_path)])
    assert "CERCLE_STORAGE_SECRET" in capsys.readouterr().err
    monkeypatch.setenv("CERCLE_STORAGE_SECRET", "the same everywhere")
    loaded = config.load(["--data-dir", str(tmp_path)])
    assert loaded.database_url.startswith("postgresql://") and loaded.redis_url.startswith("redis://")
    monkeypatch.setenv("CERCLE_DATABASE_URL", "mysql://elsewhere")
    with pytest.raises(SystemExit):
        config.load(["--data-dir", str(tmp_path)])


def test_a_public_https_url_needs_the_proxy_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CERCLE_TRUSTED_PROXY", raising=False)
    public = ["--data-dir", str(tmp_path), "--public-url", "https://forum.example.org"]
    with pytest.raises(SystemExit):
        config.load(public)
    err = capsys.readouterr().err
    assert "sans --trusted-proxy" in err and "every client would have the proxy's address" in err
    assert config.load([*public, "--trusted-proxy", "127.0.0.1"]).trusted_proxy == "127.0.0.1"
    assert config.load([*public, "--no-trusted-proxy"]).public_url == "https://forum.example.org"
    with pytest.raises(SystemExit):
        config.load([*public, "--no-trusted-proxy", "--trusted-proxy", "127.0.0.1"])
    assert "contradict" in capsys.readouterr().err
    assert config.load(["--data-dir", str(tmp_path), "--public-url", "http://192.168.1.20:8080"])
