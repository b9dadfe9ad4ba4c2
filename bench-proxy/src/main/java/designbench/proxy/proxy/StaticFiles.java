package designbench.proxy.proxy;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Static content: files of one folder served under a path prefix, with content types, ETag and Last-Modified, and
 * 304 for conditional requests that match. No request leaves the folder: encoded slashes and backslashes are
 * refused, dot-dot segments (plain or percent-encoded) are refused, and a file whose real path (symbolic links
 * followed) is outside the folder is refused too.
 */
final class StaticFiles {

    /** What to answer: an error, a 304, or a file (its path and attributes). */
    sealed interface Answer {
    }

    record Refused(Rejection rejection) implements Answer {
    }

    record NotModified(HttpResponse response) implements Answer {
    }

    record FileAnswer(HttpResponse response, Path file, long size, boolean head) implements Answer {
    }

    private static final Map<String, String> EXTRA_TYPES = Map.of(
            "css", "text/css", "js", "text/javascript", "mjs", "text/javascript", "json", "application/json",
            "svg", "image/svg+xml", "wasm", "application/wasm", "webp", "image/webp", "ico", "image/x-icon",
            "txt", "text/plain", "html", "text/html");

    private final String prefix;
    private final Path root;

    StaticFiles(String prefix, Path dir) {
        this.prefix = prefix;
        try {
            this.root = dir.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("static folder " + dir + " cannot be read: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("static folder " + dir + " is not a folder");
        }
    }

    boolean matches(HttpRequest request) {
        return new QueryStringDecoder(request.uri()).rawPath().startsWith(prefix);
    }

    Answer answer(HttpRequest request) {
        if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            return refuse(HttpResponseStatus.METHOD_NOT_ALLOWED, "static content answers GET and HEAD only");
        }
        String relative = new QueryStringDecoder(request.uri()).rawPath().substring(prefix.length());
        String lower = relative.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "encoded slashes, backslashes and NUL are refused");
        }
        String decoded;
        try {
            decoded = new URI(relative).getPath();
        } catch (URISyntaxException e) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "invalid path");
        }
        if (decoded == null || decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "invalid path");
        }
        for (String segment : decoded.split("/")) {
            if (segment.equals("..")) {
                return refuse(HttpResponseStatus.FORBIDDEN, "'..' is refused in static paths");
            }
        }
        Path file = root.resolve(decoded.startsWith("/") ? decoded.substring(1) : decoded).normalize();
        if (!file.startsWith(root)) {
            return refuse(HttpResponseStatus.FORBIDDEN, "outside the static folder");
        }
        try {
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
                return refuse(HttpResponseStatus.NOT_FOUND, "no such file");
            }
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                return refuse(HttpResponseStatus.FORBIDDEN, "outside the static folder");
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isRegularFile() || !Files.isReadable(real)) {
                return refuse(HttpResponseStatus.NOT_FOUND, "no such file");
            }
            return fileAnswer(request, real, attributes);
        } catch (IOException e) {
            return refuse(HttpResponseStatus.NOT_FOUND, "no such file");
        }
    }

    private Answer fileAnswer(HttpRequest request, Path file, BasicFileAttributes attributes) {
        long modifiedSeconds = attributes.lastModifiedTime().toMillis() / 1000;
        String etag = "W/\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(modifiedSeconds) + "\"";
        Date lastModified = new Date(modifiedSeconds * 1000);
        if (notModified(request, etag, modifiedSeconds)) {
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
            response.headers().set(HttpHeaderNames.ETAG, etag);
            response.headers().set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(lastModified));
            return new NotModified(response);
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType(file));
        response.headers().set(HttpHeaderNames.ETAG, etag);
        response.headers().set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(lastModified));
        HttpUtil.setContentLength(response, attributes.size());
        return new FileAnswer(response, file, attributes.size(), request.method().equals(HttpMethod.HEAD));
    }

    private static boolean notModified(HttpRequest request, String etag, long modifiedSeconds) {
        String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String opaque = etag.substring(2);
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(etag) || t.equals(opaque) || t.equals("W/" + opaque)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.headers().get(HttpHeaderNames.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            Date since = DateFormatter.parseHttpDate(ifModifiedSince);
            return since != null && modifiedSeconds <= since.getTime() / 1000;
        }
        return false;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : EXTRA_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            type = URLConnection.guessContentTypeFromName(name);
        }
        if (type == null) {
            return "application/octet-stream";
        }
        return type.startsWith("text/") || type.equals("application/json") ? type + "; charset=utf-8" : type;
    }

    private static Answer refuse(HttpResponseStatus status, String reason) {
        return new Refused(new Rejection(status, reason, false));
    }
}
