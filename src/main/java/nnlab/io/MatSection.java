package nnlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bytes of a MAT file, or the data inflated from one of its miCOMPRESSED elements, read in the
 * file's byte order. {@link #readElement} checks each declared size against the bytes left, so
 * callers read only inside checked ranges and malformed input raises MatFormatException instead
 * of an index exception.
 */
final class MatSection {
    /** Data element tag size: a 4-byte type and a 4-byte byte count. */
    static final int TAG_BYTES = 8;
    private static final int SMALL_ELEMENT_MAX_BYTES = 4;

    final ByteBuffer buffer;
    final int length;
    /** File offset of the miCOMPRESSED element that this section was inflated from, else -1. */
    private final long compressedElementOffset;

    private MatSection(byte[] bytes, int length, ByteOrder order, long compressedElementOffset) {
        this.buffer = ByteBuffer.wrap(bytes).order(order);
        this.length = length;
        this.compressedElementOffset = compressedElementOffset;
    }

    static MatSection ofFile(byte[] bytes, ByteOrder order) {
        return new MatSection(bytes, bytes.length, order, -1);
    }

    /** Wraps the first {@code length} bytes of data inflated from the element at that offset. */
    static MatSection ofInflated(byte[] data, int length, ByteOrder order, long elementOffset) {
        return new MatSection(data, length, order, elementOffset);
    }

    ByteOrder order() {
        return buffer.order();
    }

    /**
     * Creates the exception for a problem at {@code index} of this section. Inside inflated data
     * the reported offset is the miCOMPRESSED element's, and the reason adds the inflated index.
     */
    MatFormatException error(String variable, int index, String reason) {
        if (compressedElementOffset < 0) {
            return new MatFormatException(variable, index, reason);
        }
        return new MatFormatException(variable, compressedElementOffset,
                "at byte " + index + " of the data inflated from the miCOMPRESSED element: "
                        + reason);
    }

    int getInt(int index) {
        return buffer.getInt(index);
    }

    /**
     * Reads the data element whose tag starts at {@code pos} and must end by {@code limit}.
     * Handles the small data element format, where the upper 16 bits of the first tag word contain
     * a byte count of 1 to 4 and the data sits in the second word.
     * The next element starts at the next 8-byte boundary, except after an miCOMPRESSED element,
     * which MATLAB writes without padding.
     */
    Element readElement(int pos, int limit, String variable) {
        int available = limit - pos;
        if (available < TAG_BYTES) {
            throw error(variable, pos, "a data element tag needs 8 bytes but only " + available
                    + " remain; the file is truncated or corrupt, so save it again");
        }

        int firstWord = buffer.getInt(pos);
        int smallSize = firstWord >>> 16;
        if (smallSize != 0) {
            int type = firstWord & 0xFFFF;
            if (smallSize > SMALL_ELEMENT_MAX_BYTES) {
                throw error(variable, pos, "small data element of type " + MatDataType.name(type)
                        + " declares " + smallSize + " bytes but at most 4 fit in its tag;"
                        + " the file is corrupt");
            }
            return new Element(pos, type, pos + 4, smallSize, pos + TAG_BYTES);
        }

        long size = buffer.getInt(pos + 4) & 0xFFFFFFFFL;
        long dataAvailable = available - TAG_BYTES;
        if (size > dataAvailable) {
            throw error(variable, pos, "data element of type " + MatDataType.name(firstWord)
                    + " declares " + size + " bytes but only " + dataAvailable
                    + " remain before the end of its container; the file is truncated or corrupt,"
                    + " so save it again");
        }

        int dataStart = pos + TAG_BYTES;
        long end = dataStart + size;
        if (firstWord != MatDataType.COMPRESSED) {
            end = Math.min(limit, dataStart + ((size + 7) & ~7L));
        }
        return new Element(pos, firstWord, dataStart, (int) size, (int) end);
    }

    /** A parsed data element tag: its type, its data range and where the next element starts. */
    static final class Element {
        final int tagOffset;
        final int type;
        final int dataStart;
        final int dataSize;
        final int next;

        Element(int tagOffset, int type, int dataStart, int dataSize, int next) {
            this.tagOffset = tagOffset;
            this.type = type;
            this.dataStart = dataStart;
            this.dataSize = dataSize;
            this.next = next;
        }

        int dataEnd() {
            return dataStart + dataSize;
        }
    }
}
