package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Static content over real sockets: types, validators, 304s, and no way out of the folder. */
class StaticFilesIT {

    private static final String SECRET = "top secret, outside the static folder";

    @TempDir
    static Path dir;
    private static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>hello</h1>");
        Files.writeString(root.resolve("style.css"), "body{}");
        Files.writeString(root.resolve("app.js"), "let a;");
        Files.writeString(root.resolve("data.json"), "{}");
        Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(root.resolve("escape.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("escape-dir"), dir);
        cluster = Cluster.start(b -> b.staticContent("/static/", root));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "/static/index.html, text/html; charset=utf-8",
        "/static/, text/html; charset=utf-8",
        "/static/style.css, text/css; charset=utf-8",
        "/static/app.js, text/javascript; charset=utf-8",
        "/static/data.json, application/json; charset=utf-8",
        "/static/logo.png, image/png"})
    void servesFilesWithTheirContentType(String path, String type) throws Exception {
        RawHttp.Response r = cluster.get(path);
        assertEquals(200, r.status());
        assertEquals(type, r.header("Content-Type"));
        assertTrue(r.header("ETag").startsWith("W/\""));
        assertTrue(r.header("Last-Modified").endsWith("GMT"));
    }

    @Test
    void answers304ToMatchingValidators() throws Exception {
        RawHttp.Response first = cluster.get("/static/style.css");
        assertEquals(304, cluster.get("/static/style.css", "If-None-Match: " + first.header("ETag")).status());
        assertEquals(304, cluster.get("/static/style.css", "If-Modified-Since: " + first.header("Last-Modified"))
                .status());
        assertEquals(200, cluster.get("/static/style.css", "If-None-Match: \"other\"").status());
        assertEquals(200, cluster.get("/static/style.css", "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT")
                .status());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/static/../secret.txt, 403",
        "/static/%2e%2e/secret.txt, 403",
        "/static/%2E%2E/secret.txt, 403",
        "/static/..%2fsecret.txt, 400",
        "/static/%2e%2e%2fsecret.txt, 400",
        "/static/..%5csecret.txt, 400",
        "/static/a/../../secret.txt, 403",
        "/static/escape.txt, 403",
        "/static/escape-dir/secret.txt, 403",
        "/static/secret.txt%00.png, 400",
        "/static/missing.txt, 404"})
    void neverLeavesTheFolder(String path, int status) throws Exception {
        RawHttp.Response r = cluster.get(path);
        assertEquals(status, r.status(), path);
        assertFalse(r.text().contains(SECRET));
        assertEquals(0, cluster.origin().requests(), "static requests never reach the backend");
    }

    @Test
    void refusesMethodsOtherThanGetAndHead() throws Exception {
        try (RawHttp client = RawHttp.connect(cluster.address())) {
            client.send("DELETE /static/index.html HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(405, client.next().status());
        }
    }
}
