package org.custodia.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LimitedInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a batch from the request stream, never whole into memory as text: at most {@code maxBytes} bytes and
 * {@code maxRows} rows, hashed as it is read (the content hash that makes a batch idempotent). CSV is Jackson's
 * (RFC 4180 quotes, CRLF, a spreadsheet's byte-order mark); JSON an array of objects, one row at a time.
 */
final class BatchReader {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

    record Batch(List<Map<String, String>> rows, String contentHash) {
    }

    private final JsonMapper json;
    private final long maxBytes;
    private final int maxRows;

    BatchReader(JsonMapper json, long maxBytes, int maxRows) {
        this.json = json;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    /** The rows, and the hash of format, mode and bytes (the same as the hash of the text before streaming). */
    Batch read(InputStream body, boolean csv, String mode) {
        MessageDigest sha = sha256();
        sha.update(((csv ? "CSV\n" : "JSON\n") + mode + "\n").getBytes(StandardCharsets.UTF_8));
        // the parsers close what they read; the rest of the body is still read for the hash, then closed here
        try (body; InputStream in = new DigestInputStream(new LimitedInputStream(body, maxBytes), sha)) {
            List<Map<String, String>> rows = csv ? csvRows(in) : jsonRows(in);
            in.transferTo(java.io.OutputStream.nullOutputStream()); // what follows the last row still counts in the hash
            return new Batch(rows, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | JacksonException e) {
            if (LimitedInputStream.causedBy(e)) {
                throw new InvalidRequestException("body", "at most " + maxBytes + " bytes in one batch");
            }
            throw new InvalidRequestException("body", csv ? "malformed CSV (check quotes and separators)"
                    : "malformed JSON");
        }
    }

    private List<Map<String, String>> csvRows(InputStream in) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(in)) {
            if (!it.hasNextValue()) {
                return rows;
            }
            List<String> header = List.of(it.nextValue()).stream().map(String::strip).toList();
            List<String> unknown = Rows.unknownColumns(header);
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException("header", "unknown columns " + unknown + "; expected "
                        + Rows.COLUMNS);
            }
            int line = 0;
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                line++;
                if (line > maxRows) {
                    throw tooMany();
                }
                if (cells.length != header.size()) {
                    throw new InvalidRequestException("body", "row " + line + " has " + cells.length
                            + " fields; the header has " + header.size());
                }
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < cells.length; c++) {
                    row.put(header.get(c), cells[c]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private List<Map<String, String>> jsonRows(InputStream in) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser p = json.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidRequestException("body", "a JSON array of people is expected");
            }
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                i++;
                if (i > maxRows) {
                    throw tooMany();
                }
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw new InvalidRequestException("body", "row " + i + " is not an object");
                }
                rows.add(row(i, p.readValueAsTree()));
            }
            if (p.nextToken() != null) {
                throw new InvalidRequestException("body", "malformed JSON");
            }
        }
        return rows;
    }

    private static Map<String, String> row(int i, JsonNode n) {
        List<String> unknown = Rows.unknownColumns(n.propertyNames());
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("body", "row " + i + ": unknown fields " + unknown);
        }
        Map<String, String> row = new HashMap<>();
        for (String f : n.propertyNames()) {
            JsonNode v = n.get(f);
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.values().forEach(x -> parts.add(x.asString()));
                row.put(f, String.join("|", parts));
            } else if (!v.isNull()) {
                row.put(f, v.asString());
            }
        }
        return row;
    }

    private InvalidRequestException tooMany() {
        return new InvalidRequestException("body", "at most " + maxRows + " rows in one batch");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
