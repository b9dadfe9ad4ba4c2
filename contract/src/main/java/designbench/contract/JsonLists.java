package designbench.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The contract's list files (failures, jcstress outcomes, load-run rows): a JSON list of records, indented. */
final class JsonLists {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonLists() {
    }

    static void write(Path file, List<?> items) throws IOException {
        JSON.writeValue(file.toFile(), items);
    }

    /** The list in {@code file}; a missing file, or one that holds no list, is an error, never an empty list. */
    static <T> List<T> read(Path file, TypeReference<List<T>> type, String what) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no " + what + " at " + file + ": did the suite launcher finish?");
        }
        List<T> items = JSON.readValue(file.toFile(), type);
        if (items == null) {
            throw new IOException(file + " holds no list of " + what);
        }
        return items;
    }
}
