"""The weights of a crfsuite CRF1d model file, read exactly (doubles, not crfsuite's text dump).

A model file (crfsuite 0.12, ``lCRF``/``FOMC``, version 100) holds a 48-byte header, a ``FEAT``
chunk of 20-byte features (type, source, destination: little-endian uint32; weight: double) and
two CQDB string databases for labels and attributes. A CQDB chunk starts with ``CQDB``, its size,
a flag, a byte-order mark, the number of ids and the offset of its id -> record table; a record
is (id, key size, key + NUL). Type 0 features are state features (attribute -> label), type 1
transitions (label -> label). ``python-crfsuite``'s own ``Tagger.info()`` rounds the weights to
six decimals, which could move a finding across a threshold: hence this reader.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_CQDB = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<II")
_BYTE_ORDER = 0x62445371


@dataclass(frozen=True)
class CrfWeights:
    labels: tuple[str, ...]  # by label id
    state: dict[str, tuple[float, ...]]  # attribute -> weight per label id
    transitions: tuple[tuple[float, ...], ...]  # [from label id][to label id]


def read_crf_weights(path: Path) -> CrfWeights:
    """Every weight of the model at ``path``; ``ValueError`` if it is no CRF1d model file."""
    data = path.read_bytes()
    if len(data) < _HEADER.size:
        raise ValueError("not a crfsuite model: too short")
    (magic, _size, kind, version, _n_features, n_labels, n_attrs, off_features, off_labels,
     off_attrs, _off_labelrefs, _off_attrrefs) = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC" or version != 100:
        raise ValueError("not a crfsuite CRF1d model (version 100)")
    labels = _strings(data, off_labels, n_labels)
    attrs = _strings(data, off_attrs, n_attrs)
    chunk, _, count = _CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT" or off_features + _CHUNK.size + count * _FEATURE.size > len(data):
        raise ValueError("crfsuite model: no feature chunk")
    state: dict[str, list[float]] = {}
    transitions = [[0.0] * n_labels for _ in range(n_labels)]
    for k in range(count):
        kind_, src, dst, weight = _FEATURE.unpack_from(data, off_features + _CHUNK.size + k * _FEATURE.size)
        if dst >= n_labels:
            raise ValueError("crfsuite model: feature with an unknown label")
        if kind_ == 0:
            state.setdefault(attrs[src], [0.0] * n_labels)[dst] += weight
        elif kind_ == 1 and src < n_labels:
            transitions[src][dst] = weight
        else:
            raise ValueError("crfsuite model: unknown feature type")
    return CrfWeights(tuple(labels), {a: tuple(w) for a, w in state.items()},
                      tuple(tuple(row) for row in transitions))


def _strings(data: bytes, offset: int, count: int) -> list[str]:
    """The strings of the CQDB chunk at ``offset``, by id (0 .. count-1)."""
    chunk, _size, _flag, order, n_ids, backward = _CQDB.unpack_from(data, offset)
    if chunk != b"CQDB" or order != _BYTE_ORDER or n_ids < count:
        raise ValueError("crfsuite model: broken string database")
    out: list[str] = []
    for i in range(count):
        (record,) = struct.unpack_from("<I", data, offset + backward + 4 * i)
        ident, size = _RECORD.unpack_from(data, offset + record)
        if ident != i or size < 1:
            raise ValueError("crfsuite model: broken string database")
        start = offset + record + _RECORD.size
        out.append(data[start:start + size - 1].decode("utf-8"))
    return out
