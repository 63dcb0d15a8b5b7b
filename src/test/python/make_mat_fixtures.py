#!/usr/bin/env python3
"""Write the MAT-file fixtures that MatFileReaderTest and MatFuzzTest read.

Run from the project directory:  python3 src/test/python/make_mat_fixtures.py
Needs numpy and scipy. The output goes to src/test/resources/mat/ and is committed.
The script is deterministic: it uses fixed values and overwrites the creation date that
scipy puts into the header text, so a rerun with the same zlib gives the same bytes.

Besides the .mat files it writes expected.txt, one line per readable variable:
    file variable class rows cols v(0,0) v(0,1) ... (values in row-major order)
where class is the MatClass name of the class stored in the file.
"""
import io
import math
import os
import struct
import zlib

import numpy as np
import scipy.io as sio
import scipy.sparse
from scipy.io.matlab import MatlabObject

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "mat")
HEADER_TEXT = b"MATLAB 5.0 MAT-file, Platform: nnlab fixtures, Created on: Thu Jan  1 00:00:00 1970"

# MAT-file v5 data type codes (miXXX) and array class codes (mxXXX_CLASS).
MI_INT8, MI_UINT8, MI_INT16, MI_UINT16, MI_INT32, MI_UINT32 = 1, 2, 3, 4, 5, 6
MI_SINGLE, MI_DOUBLE, MI_INT64, MI_UINT64, MI_MATRIX, MI_COMPRESSED = 7, 9, 12, 13, 14, 15
MX_DOUBLE, MX_SINGLE, MX_UINT8, MX_INT64, MX_UINT32, MX_UINT64 = 6, 7, 9, 14, 13, 15
LOGICAL_FLAG = 0x0200

CLASS_NAMES = {6: "DOUBLE", 7: "SINGLE", 8: "INT8", 9: "UINT8", 10: "INT16", 11: "UINT16",
               12: "INT32", 13: "UINT32", 14: "INT64", 15: "UINT64"}
DTYPE_CLASSES = {"float64": "DOUBLE", "float32": "SINGLE", "int8": "INT8", "uint8": "UINT8",
                 "int16": "INT16", "uint16": "UINT16", "int32": "INT32", "uint32": "UINT32",
                 "int64": "INT64", "uint64": "UINT64", "bool": "UINT8"}

expected_lines = []


def java_text(value):
    """Format a float so that Java's Double.parseDouble returns the same double."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(float(value))


def expect(file_name, var_name, class_name, rows_values):
    rows = len(rows_values)
    cols = len(rows_values[0]) if rows else 0
    flat = [java_text(float(v)) for row in rows_values for v in row]
    expected_lines.append(" ".join([file_name, var_name, class_name, str(rows), str(cols)] + flat))


def save_scipy(file_name, variables, compress):
    """Save with scipy.io.savemat, fix the header date, and record the expected values."""
    buffer = io.BytesIO()
    sio.savemat(buffer, variables, do_compression=compress)
    data = bytearray(buffer.getvalue())
    data[0:116] = HEADER_TEXT.ljust(116, b" ")
    write_file(file_name, bytes(data))
    for name, value in variables.items():
        array = np.asarray(value)
        matrix = array.reshape(array.shape[0], -1) if array.ndim > 1 else array.reshape(1, -1)
        expect(file_name, name, DTYPE_CLASSES[str(array.dtype)], matrix.tolist())


def save_unsupported(file_name, variables, **options):
    buffer = io.BytesIO()
    sio.savemat(buffer, variables, **options)
    data = bytearray(buffer.getvalue())
    if options.get("format") != "4":
        data[0:116] = HEADER_TEXT.ljust(116, b" ")
    write_file(file_name, bytes(data))


def write_file(file_name, data):
    if len(data) >= 20 * 1024:
        raise ValueError(f"{file_name} has {len(data)} bytes; keep fixtures under 20 KB")
    with open(os.path.join(OUT_DIR, file_name), "wb") as handle:
        handle.write(data)


class HandmadeWriter:
    """Builds v5 elements byte by byte in one byte order, including forms scipy never writes."""

    def __init__(self, order):
        self.order = order

    def pack(self, fmt, *values):
        return struct.pack(self.order + fmt, *values)

    def element(self, data_type, payload):
        padding = b"\0" * (-len(payload) % 8)
        return self.pack("II", data_type, len(payload)) + payload + padding

    def small_element(self, data_type, payload):
        if len(payload) > 4:
            raise ValueError("a small data element holds at most 4 bytes")
        word = (len(payload) << 16) | data_type
        return self.pack("I", word) + payload.ljust(4, b"\0")

    def header(self):
        version = self.pack("H", 0x0100)
        endian = self.pack("H", 0x4D49)  # 'IM' in little-endian files, 'MI' in big-endian ones
        return HEADER_TEXT.ljust(116, b" ") + b"\0" * 8 + version + endian

    def matrix(self, name, class_code, dims, data_type, payload, small_data=False, flags=0):
        parts = [self.element(MI_UINT32, self.pack("II", class_code | flags, 0)),
                 self.element(MI_INT32, self.pack("i" * len(dims), *dims))]
        encoded = name.encode("ascii")
        parts.append(self.small_element(MI_INT8, encoded) if len(encoded) <= 4
                     else self.element(MI_INT8, encoded))
        parts.append(self.small_element(data_type, payload) if small_data
                     else self.element(data_type, payload))
        content = b"".join(parts)
        return self.pack("II", MI_MATRIX, len(content)) + content

    def compressed(self, matrix_bytes):
        stream = zlib.compress(matrix_bytes, 9)
        return self.pack("II", MI_COMPRESSED, len(stream)) + stream


def column_major(rows_values):
    return [row[j] for j in range(len(rows_values[0])) for row in rows_values]


def write_handmade(file_name, order):
    """Write variables with storage types smaller than their class, small elements, N-D dims."""
    w = HandmadeWriter(order)
    body = []

    def add(name, class_code, rows_values, fmt, data_type, **options):
        dims = options.pop("dims", [len(rows_values), len(rows_values[0])])
        payload = w.pack(fmt * (len(rows_values) * len(rows_values[0])), *column_major(rows_values))
        body.append(w.matrix(name, class_code, dims, data_type, payload, **options))
        class_name = CLASS_NAMES[class_code]
        expect(file_name, name, class_name, rows_values)

    add("A", MX_DOUBLE, [[0, 1, 2], [250, 251, 255]], "B", MI_UINT8)
    add("b", MX_DOUBLE, [[-300, 7]], "h", MI_INT16, small_data=True)
    add("Cs", MX_SINGLE, [[1.5, -2.25], [0.125, 65504.0]], "f", MI_SINGLE, dims=[2, 2, 1])
    add("D64", MX_UINT64, [[0, 2 ** 53 + 1, 2 ** 64 - 1]], "Q", MI_UINT64)
    add("i64", MX_INT64, [[-(2 ** 63), 123456789012345]], "q", MI_INT64)
    add("u32", MX_UINT32, [[4294967295], [1]], "I", MI_UINT32)
    add("lg", MX_UINT8, [[1, 0]], "B", MI_UINT8, small_data=True, flags=LOGICAL_FLAG)
    add("wide_name_x", MX_DOUBLE, [[0.1, -1e300]], "d", MI_DOUBLE)

    zc_values = [[-2147483648], [0], [2147483647]]
    zc_payload = w.pack("iii", *column_major(zc_values))
    body.append(w.compressed(w.matrix("Zc", MX_DOUBLE, [3, 1], MI_INT32, zc_payload)))
    expect(file_name, "Zc", "DOUBLE", zc_values)

    body.append(w.matrix("e", MX_DOUBLE, [0, 0], MI_DOUBLE, b""))
    expected_lines.append(f"{file_name} e DOUBLE 0 0")
    write_file(file_name, w.header() + b"".join(body))


def check_handmade_with_scipy(file_name):
    """Fail if scipy reads a hand-made file differently from expected.txt."""
    loaded = sio.loadmat(os.path.join(OUT_DIR, file_name))
    for line in expected_lines:
        fields = line.split(" ")
        if fields[0] != file_name:
            continue
        rows, cols = int(fields[3]), int(fields[4])
        actual = np.asarray(loaded[fields[1]], dtype=np.float64).reshape(rows, cols)
        wanted = np.array([float(v) for v in fields[5:]], dtype=np.float64).reshape(rows, cols)
        if not np.array_equal(actual, wanted):
            raise AssertionError(f"scipy reads {file_name}:{fields[1]} as {actual}, not {wanted}")


def write_readable():
    x = np.array([[i * 0.5 + j for j in range(4)] for i in range(5)], dtype=np.float32)
    y8 = np.array([[1], [2], [10], [200], [255]], dtype=np.uint8)
    save_scipy("xy_compressed.mat", {"X": x, "y": y8}, compress=True)
    save_scipy("xy_plain.mat", {"X": x, "y": y8}, compress=False)

    y16 = np.array([[-32768, -1, 0, 1, 1000, 32767]], dtype=np.int16)
    save_scipy("y_int16.mat", {"y": y16}, compress=False)

    xd = np.array([[i * 0.5 + j for j in range(3)] for i in range(4)], dtype=np.float64)
    yd = np.array([[1.0], [10.0], [5.0], [3.0]])
    save_scipy("xy_double.mat", {"X": xd, "y": yd}, compress=True)

    special = np.array([[math.nan, math.inf, -math.inf], [-0.0, 5e-324, 1.7976931348623157e308]])
    save_scipy("special_values.mat", {"S": special}, compress=False)

    classes = {
        "c_int8": np.array([[-128, 0, 127]], dtype=np.int8),
        "c_uint8": np.array([[0, 255]], dtype=np.uint8),
        "c_int16": np.array([[-32768, 32767]], dtype=np.int16),
        "c_uint16": np.array([[0, 65535]], dtype=np.uint16),
        "c_int32": np.array([[-2147483648, 2147483647]], dtype=np.int32),
        "c_uint32": np.array([[0, 4294967295]], dtype=np.uint32),
        "c_int64": np.array([[-(2 ** 63), 2 ** 62]], dtype=np.int64),
        "c_uint64": np.array([[0, 2 ** 64 - 1]], dtype=np.uint64),
        "c_single": np.array([[1.5, -3.25, 3.4028234663852886e38]], dtype=np.float32),
        "c_double": np.array([[0.1, -2.0]], dtype=np.float64),
        "mask": np.array([[True, False], [False, True]]),
    }
    save_scipy("all_classes.mat", classes, compress=False)
    save_scipy("all_classes_compressed.mat", classes, compress=True)

    trailing = np.arange(6, dtype=np.float64).reshape(2, 3, 1)
    save_scipy("trailing_one.mat", {"T": trailing}, compress=False)

    write_handmade("big_endian.mat", ">")
    write_handmade("little_endian_handmade.mat", "<")
    check_handmade_with_scipy("big_endian.mat")
    check_handmade_with_scipy("little_endian_handmade.mat")


def write_unsupported():
    cell = np.empty((1, 2), dtype=object)
    cell[0, 0] = np.array([[1.0]])
    cell[0, 1] = np.array([[2.0, 3.0]])
    save_unsupported("cell.mat", {"c": cell}, do_compression=True)
    save_unsupported("struct.mat", {"s": {"a": np.array([[1.0]])}})
    save_unsupported("char.mat", {"txt": "hello"})
    save_unsupported("sparse.mat", {"Sp": scipy.sparse.csc_matrix(np.eye(3))})
    save_unsupported("complex.mat", {"Z": np.array([[1 + 2j, 3 - 1j]])})
    save_unsupported("v4.mat", {"X": np.arange(6, dtype=np.float64).reshape(2, 3)}, format="4")
    save_unsupported("nd3.mat", {"T3": np.arange(24, dtype=np.float64).reshape(2, 3, 4)})
    fields = np.zeros((1, 1), dtype=[("a", object)])
    fields[0, 0]["a"] = np.array([[1.0]])
    save_unsupported("object.mat", {"obj": MatlabObject(fields, "myclass")})
    # A readable variable before an unsupported one: the error must name the second variable.
    save_unsupported("double_then_cell.mat", {"ok": np.array([[1.0]]), "later": cell})


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    write_readable()
    write_unsupported()
    with open(os.path.join(OUT_DIR, "expected.txt"), "w", encoding="ascii") as handle:
        handle.write("# file variable class rows cols values-in-row-major-order\n")
        handle.write("# written by src/test/python/make_mat_fixtures.py\n")
        for line in expected_lines:
            handle.write(line + "\n")


if __name__ == "__main__":
    main()
