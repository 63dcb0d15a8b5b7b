package nnlab.io;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates one miCOMPRESSED element into the miMATRIX element it contains, with bounded memory:
 * the output buffer grows only as inflated bytes arrive, and never past the inner element's
 * declared size or {@link #MAX_INFLATED_BYTES}.
 */
final class MatInflater {
    /** Maximum inflated size of one variable, tag included: 256 MiB. */
    static final int MAX_INFLATED_BYTES = 256 << 20;
    private static final int INITIAL_BUFFER_BYTES = 64 << 10;

    private MatInflater() {
    }

    /**
     * Inflates the element's zlib stream and returns a section holding exactly the inner
     * miMATRIX element, tag included.
     *
     * @throws MatFormatException if the stream is corrupt or truncated, the inner element is not
     *     miMATRIX, or the stream inflates to fewer or more bytes than the inner tag declares
     */
    static MatSection inflate(MatSection file, MatSection.Element compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(file.buffer.array(), compressed.dataStart, compressed.dataSize);
            byte[] tag = new byte[MatSection.TAG_BYTES];
            fill(file, compressed, inflater, tag, 0, tag.length, tag.length);
            int total = innerElementBytes(file, compressed, tag);
            byte[] out = Arrays.copyOf(tag, Math.min(total, INITIAL_BUFFER_BYTES));
            int produced = tag.length;
            while (produced < total) {
                if (produced == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(total, 2L * out.length));
                }
                produced = fill(file, compressed, inflater, out, produced, out.length, total);
            }
            checkEndOfStream(file, compressed, inflater, total);
            return MatSection.ofInflated(out, total, file.order(), compressed.tagOffset);
        } catch (DataFormatException e) {
            throw file.error(null, compressed.tagOffset, "the zlib stream in the miCOMPRESSED"
                    + " element is corrupt (" + e.getMessage() + "); save the file again");
        } finally {
            inflater.end();
        }
    }

    /** Inflates into out[from, to) and returns the new count; fails if the stream ends early. */
    private static int fill(MatSection file, MatSection.Element compressed, Inflater inflater,
            byte[] out, int from, int to, int declared) throws DataFormatException {
        int produced = from;
        while (produced < to) {
            int count = inflater.inflate(out, produced, to - produced);
            produced += count;
            if (count == 0 && produced < to) {
                throw file.error(null, compressed.tagOffset, "the zlib stream in the "
                        + "miCOMPRESSED element " + stopReason(inflater) + " after inflating "
                        + produced + " bytes, but " + declared + " are needed; the file is"
                        + " truncated or corrupt, so save it again");
            }
        }
        return produced;
    }

    private static String stopReason(Inflater inflater) {
        if (inflater.finished()) {
            return "ends";
        }
        if (inflater.needsDictionary()) {
            return "needs a preset dictionary, which MAT-files never use, and stops";
        }
        return inflater.needsInput() ? "is truncated and stops" : "makes no progress";
    }

    /** Returns the inflated size of the inner element, tag included, from its tag. */
    private static int innerElementBytes(MatSection file, MatSection.Element compressed,
            byte[] tag) {
        MatSection tagSection = MatSection.ofInflated(tag, tag.length, file.order(),
                compressed.tagOffset);
        int type = tagSection.getInt(0);
        if (type != MatDataType.MATRIX) {
            throw file.error(null, compressed.tagOffset, "the miCOMPRESSED element contains "
                    + MatDataType.name(type) + " but only miMATRIX (14) is supported there;"
                    + " the file is corrupt");
        }
        long declared = (tagSection.getInt(4) & 0xFFFFFFFFL) + MatSection.TAG_BYTES;
        if (declared > MAX_INFLATED_BYTES) {
            throw file.error(null, compressed.tagOffset, "the miMATRIX element inside the"
                    + " miCOMPRESSED element declares " + declared + " bytes with its tag, more"
                    + " than the limit of " + MAX_INFLATED_BYTES + " (256 MiB) per variable;"
                    + " split the data into smaller variables");
        }
        return (int) declared;
    }

    /** Fails if the stream yields more bytes than declared or lacks its end and checksum. */
    private static void checkEndOfStream(MatSection file, MatSection.Element compressed,
            Inflater inflater, int declared) throws DataFormatException {
        if (inflater.finished()) {
            return;
        }
        byte[] probe = new byte[1];
        if (inflater.inflate(probe) > 0) {
            throw file.error(null, compressed.tagOffset, "the zlib stream in the miCOMPRESSED"
                    + " element inflates to more than the " + declared + " bytes its miMATRIX"
                    + " tag declares; the file is corrupt or hostile, so it is rejected");
        }
        if (!inflater.finished()) {
            throw file.error(null, compressed.tagOffset, "the zlib stream in the miCOMPRESSED"
                    + " element " + stopReason(inflater) + " before its end-of-stream marker"
                    + " and checksum; the file is truncated or corrupt, so save it again");
        }
    }
}
