"""Writes chime.wav beside this file: two soft bell notes (the world café's end-of-rotation chime).

Run `python assets/sounds/make_chime.py`; standard library only. 22.05 kHz, mono, 16 bits, ~1.4 s.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
SECONDS = 1.4
NOTES = [(0.0, 880.0), (0.35, 659.25)]  # A5 then E5: a descending fourth, like a door chime
PARTIALS = [(1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.06)]  # bell-like overtones


def sample(t: float) -> float:
    value = 0.0
    for start, freq in NOTES:
        dt = t - start
        if dt < 0:
            continue
        attack = min(1.0, dt / 0.01)
        for ratio, gain in PARTIALS:
            value += (
                attack
                * gain
                * math.exp(-dt * (3.0 + 2.0 * ratio))
                * math.sin(2 * math.pi * freq * ratio * dt)
            )
    return value


def main() -> None:
    count = int(RATE * SECONDS)
    samples = [sample(i / RATE) for i in range(count)]
    peak = max(abs(s) for s in samples) or 1.0
    frames = b"".join(struct.pack("<h", int(28_000 * s / peak)) for s in samples)
    with wave.open(str(Path(__file__).with_name("chime.wav")), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    main()
