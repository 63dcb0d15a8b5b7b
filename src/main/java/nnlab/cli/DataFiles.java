package nnlab.cli;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nnlab.app.MatData;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.io.DigitSheet;

/** Loads data sets and weights from files, or the built-in digit sheet, on the JVM. */
final class DataFiles {
    /** Class-path location of the built-in digit sheet inside nn.jar. */
    static final String BUILT_IN_SHEET = "/nnlab/data/digits.png";
    private static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private DataFiles() {
    }

    /** Loads a data set from a MAT file or a PNG digit sheet; null means the built-in digits. */
    static Dataset dataset(String path) throws IOException {
        if (path == null) {
            try (InputStream in = DataFiles.class.getResourceAsStream(BUILT_IN_SHEET)) {
                if (in == null) {
                    throw new IOException("The built-in digit sheet " + BUILT_IN_SHEET
                            + " is missing from the class path; rebuild with mvn package");
                }
                return sheet(in.readAllBytes(), "the built-in digit sheet");
            }
        }
        byte[] bytes = read(path);
        if (isPng(bytes)) {
            return sheet(bytes, path);
        }
        return MatData.readDataset(bytes);
    }

    /** Loads Theta1, Theta2, ... from a MAT file. */
    static Weights weights(String path) throws IOException {
        return MatData.readWeights(read(path));
    }

    static byte[] read(String path) throws IOException {
        Path file = Path.of(path);
        if (Files.isDirectory(file)) {
            throw new IOException(path + " is a directory; give the path of a .mat file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidDataException(path + " is " + size + " bytes; files up to "
                        + MAX_FILE_BYTES + " bytes are accepted");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("File not found: " + path);
        } catch (IOException e) {
            throw new IOException("Could not read " + path + ": " + e, e);
        }
    }

    /**
     * Throws before any work is done when {@code path} cannot be written: its folder is missing
     * or it names a folder.
     */
    static void checkWritable(String path) throws IOException {
        Path file = Path.of(path).toAbsolutePath();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + path + ": the folder " + folder
                    + " does not exist; create it or choose another --out path");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("Cannot write " + path + ": it is a folder; give a file name"
                    + " such as weights.mat");
        }
        if (!Files.isWritable(folder) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new IOException("Cannot write " + path + ": permission denied");
        }
    }

    /** Writes the bytes, naming the file in the error. */
    static void write(String path, byte[] bytes) throws IOException {
        try {
            Files.write(Path.of(path), bytes);
        } catch (IOException e) {
            throw new IOException("Could not write " + path + ": " + e, e);
        }
    }

    /** Returns {width, height} from the IHDR chunk that must follow the PNG signature. */
    private static int[] pngSize(byte[] png, String name) {
        boolean hasHeader = png.length >= 24 && png[12] == 'I' && png[13] == 'H'
                && png[14] == 'D' && png[15] == 'R';
        if (!hasHeader) {
            throw new InvalidDataException(name + " is not a readable PNG image: the IHDR chunk"
                    + " with its size is missing after the PNG signature");
        }
        ByteBuffer header = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
        return new int[] {header.getInt(16), header.getInt(20)};
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P'
                && bytes[2] == 'N' && bytes[3] == 'G';
    }

    private static Dataset sheet(byte[] png, String name) {
        // The size comes from the header, before decoding, so that a small file declaring a
        // huge image is rejected without allocating its pixels.
        int[] size = pngSize(png, name);
        if (size[0] != DigitSheet.WIDTH || size[1] != DigitSheet.HEIGHT) {
            throw new InvalidDataException("A digit sheet must be " + DigitSheet.WIDTH + "x"
                    + DigitSheet.HEIGHT + " pixels, found " + Integer.toUnsignedString(size[0])
                    + "x" + Integer.toUnsignedString(size[1]) + " in " + name);
        }

        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException(name + " is not a readable PNG image: "
                    + e.getMessage());
        }
        if (image == null) {
            throw new InvalidDataException(name + " is not a readable PNG image");
        }

        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[] gray = new int[width * height];
        int[] pixel = new int[bands];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.getPixel(x, y, pixel);
                gray[y * width + x] = bands >= 3 ? (pixel[0] + pixel[1] + pixel[2]) / 3 : pixel[0];
            }
        }
        return DigitSheet.decode(width, height, gray);
    }
}
