/*
 * designbench's native IPC reference: the exchanges of the Java transports, written as a plain C program would
 * write them, so the tables can show how far each Java row is from what the operating system gives.
 *
 * Wire format, the same as Frames.java: a 4-byte big-endian payload length, then the payload; the first 8 payload
 * bytes carry a sequence number, which the Java side checks. Payloads are 8 bytes to 1 MiB.
 *
 * NativeBuild.java compiles this file twice, with the system's cc, when a benchmark first needs it:
 *   - as the peer program (a process of its own):  ipc-peer C_TCP|C_UDS|C_SHM_SPIN ECHO|SINK PRIVATE_DIR
 *     It listens, prints "READY tcp:PORT" or "READY file:PATH" (as PeerMain does), serves until its standard input
 *     closes, then removes its files and PRIVATE_DIR. The same program with --client times round trips to such a
 *     peer without any JVM, to check what the benchmark's harness adds to the C rows (see run_client).
 *   - with -DDESIGNBENCH_JNI as the client side, a shared library whose functions the benchmark thread calls once
 *     per send and once per receive (NativeIpc.java); the calls cost tens of nanoseconds against round trips of
 *     microseconds, and every system call of the exchange is made here.
 *
 * Sockets are blocking, TCP with TCP_NODELAY, and each side reads through one buffer as much as the socket offers,
 * as FrameReader.java does. C_SHM_SPIN is two single-producer single-consumer byte rings in a shared file, both
 * ends spinning without ever yielding: the floor of any exchange between two CPUs.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define HEADER_BYTES 4
#define MIN_PAYLOAD_BYTES 8
#define MAX_PAYLOAD_BYTES (1 << 20)
#define BUFFER_BYTES (HEADER_BYTES + MAX_PAYLOAD_BYTES)
/* Bytes of each ring, a power of two holding several of the largest frames. */
#define RING_BYTES (4u << 20)
#define SOCKET_FILE "native.sock"
#define RING_FILE "native.ring"

enum { KIND_TCP = 0, KIND_UDS = 1, KIND_SHM = 2 };
enum { OK = 0, ERR_EOF = -1, ERR_IO = -2, ERR_BAD_FRAME = -3, ERR_TIMEOUT = -4 };

/* ---------------------------------------------------------------------------------------------------------------
 * Frames over a blocking socket
 * ------------------------------------------------------------------------------------------------------------ */

/* Unread bytes are buf[start, end); bad_length keeps the prefix of a rejected frame for the error message. */
struct reader {
    int fd;
    unsigned char *buf;
    size_t start;
    size_t end;
    uint32_t bad_length;
};

static uint32_t read_be32(const unsigned char *p) {
    return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static int write_fully(int fd, const unsigned char *bytes, size_t count) {
    while (count > 0) {
        ssize_t n = write(fd, bytes, count);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ERR_IO;
        }
        bytes += n;
        count -= (size_t) n;
    }
    return OK;
}

/* Makes at least `needed` unread bytes available, reading as much as the socket offers. */
static int fill(struct reader *r, size_t needed) {
    if (r->end - r->start >= needed) {
        return OK;
    }
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->start = 0;
    while (r->end < needed) {
        ssize_t n = read(r->fd, r->buf + r->end, BUFFER_BYTES - r->end);
        if (n > 0) {
            r->end += (size_t) n;
        } else if (n == 0) {
            return ERR_EOF;
        } else if (errno != EINTR) {
            return ERR_IO;
        }
    }
    return OK;
}

static int valid_length(uint32_t length, long expected) {
    return length >= MIN_PAYLOAD_BYTES && length <= MAX_PAYLOAD_BYTES && (expected < 0 || length == expected);
}

/* The next whole frame: its payload length (frame at *frame, header included), or an error. */
static long next_frame(struct reader *r, long expected, unsigned char **frame) {
    int rc = fill(r, HEADER_BYTES);
    if (rc != OK) {
        return rc;
    }
    uint32_t length = read_be32(r->buf + r->start);
    if (!valid_length(length, expected)) {
        r->bad_length = length;
        return ERR_BAD_FRAME;
    }
    rc = fill(r, HEADER_BYTES + (size_t) length);
    if (rc != OK) {
        return rc;
    }
    *frame = r->buf + r->start;
    r->start += HEADER_BYTES + (size_t) length;
    return length;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Frames through shared memory: one ring per direction, head written only by the writer, tail only by the reader
 * ------------------------------------------------------------------------------------------------------------ */

struct ring {
    _Alignas(64) uint64_t head;
    _Alignas(64) uint64_t tail;
    _Alignas(64) unsigned char data[RING_BYTES];
};

struct rings {
    struct ring to_peer;
    struct ring to_client;
};

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static int64_t now_nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Spins until the ring holds at least `bytes` unread bytes (reader) or has room for them (writer). */
static int await_ring(struct ring *ring, uint64_t bytes, int writer, int64_t timeout_nanos) {
    int64_t deadline = timeout_nanos > 0 ? now_nanos() + timeout_nanos : 0;
    for (unsigned spins = 1;; spins++) {
        uint64_t head = __atomic_load_n(&ring->head, __ATOMIC_ACQUIRE);
        uint64_t tail = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);
        if (writer ? RING_BYTES - (head - tail) >= bytes : head - tail >= bytes) {
            return OK;
        }
        cpu_relax();
        if (deadline != 0 && (spins & 1023) == 0 && now_nanos() > deadline) {
            return ERR_TIMEOUT;
        }
    }
}

static void ring_copy_in(struct ring *ring, uint64_t at, const unsigned char *src, size_t count) {
    size_t offset = (size_t) (at & (RING_BYTES - 1));
    size_t first = count < RING_BYTES - offset ? count : RING_BYTES - offset;
    memcpy(ring->data + offset, src, first);
    memcpy(ring->data, src + first, count - first);
}

static void ring_copy_out(const struct ring *ring, uint64_t at, unsigned char *dst, size_t count) {
    size_t offset = (size_t) (at & (RING_BYTES - 1));
    size_t first = count < RING_BYTES - offset ? count : RING_BYTES - offset;
    memcpy(dst, ring->data + offset, first);
    memcpy(dst + first, ring->data, count - first);
}

static int ring_write(struct ring *ring, const unsigned char *frame, size_t count, int64_t timeout_nanos) {
    int rc = await_ring(ring, count, 1, timeout_nanos);
    if (rc != OK) {
        return rc;
    }
    uint64_t head = __atomic_load_n(&ring->head, __ATOMIC_RELAXED);
    ring_copy_in(ring, head, frame, count);
    __atomic_store_n(&ring->head, head + count, __ATOMIC_RELEASE);
    return OK;
}

/* Copies the next whole frame into dst (header included): its payload length, or an error. */
static long ring_read_frame(struct ring *ring, unsigned char *dst, long expected, int64_t timeout_nanos,
                            uint32_t *bad_length) {
    int rc = await_ring(ring, HEADER_BYTES, 0, timeout_nanos);
    if (rc != OK) {
        return rc;
    }
    uint64_t tail = __atomic_load_n(&ring->tail, __ATOMIC_RELAXED);
    ring_copy_out(ring, tail, dst, HEADER_BYTES);
    uint32_t length = read_be32(dst);
    if (!valid_length(length, expected)) {
        *bad_length = length;
        return ERR_BAD_FRAME;
    }
    size_t frame_bytes = HEADER_BYTES + (size_t) length;
    rc = await_ring(ring, frame_bytes, 0, timeout_nanos);
    if (rc != OK) {
        return rc;
    }
    ring_copy_out(ring, tail, dst, frame_bytes);
    __atomic_store_n(&ring->tail, tail + frame_bytes, __ATOMIC_RELEASE);
    return length;
}

static struct rings *map_rings(int fd) {
    void *mapped = mmap(NULL, sizeof(struct rings), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    return mapped == MAP_FAILED ? NULL : (struct rings *) mapped;
}

/* A connected client socket (TCP to port on 127.0.0.1, or the Unix socket at path), or -1 with errno set. */
static int connect_socket(int kind, int port, const char *path) {
    int fd = socket(kind == KIND_TCP ? AF_INET : AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    int rc;
    if (kind == KIND_TCP) {
        struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port)};
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int one = 1;
        rc = connect(fd, (struct sockaddr *) &address, sizeof address) != 0
             || setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0;
    } else {
        struct sockaddr_un address = {.sun_family = AF_UNIX};
        strncpy(address.sun_path, path, sizeof address.sun_path - 1);
        rc = connect(fd, (struct sockaddr *) &address, sizeof address) != 0;
    }
    if (rc != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

#ifndef DESIGNBENCH_JNI
/* ---------------------------------------------------------------------------------------------------------------
 * The peer program, and a client that times round trips without any JVM (a check on the benchmark's harness)
 * ------------------------------------------------------------------------------------------------------------ */

static int compare_nanos(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a;
    int64_t y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

/*
 * ipc-peer --client C_TCP|C_UDS ENDPOINT BYTES COUNT: COUNT round trips of BYTES to an ECHO peer at ENDPOINT (as its
 * READY line gives it), the first tenth unmeasured; prints the mean and percentiles in microseconds.
 */
static int run_client(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: ipc-peer --client C_TCP|C_UDS tcp:PORT|file:PATH BYTES COUNT\n");
        return 2;
    }
    int kind = strcmp(argv[2], "C_TCP") == 0 ? KIND_TCP : KIND_UDS;
    long bytes = atol(argv[4]);
    long count = atol(argv[5]);
    if (bytes < MIN_PAYLOAD_BYTES || bytes > MAX_PAYLOAD_BYTES || count < 10) {
        fprintf(stderr, "client: BYTES must be %d..%d and COUNT at least 10\n", MIN_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES);
        return 2;
    }
    int fd = strncmp(argv[3], "tcp:", 4) == 0 ? connect_socket(kind, atoi(argv[3] + 4), NULL)
           : strncmp(argv[3], "file:", 5) == 0 ? connect_socket(kind, -1, argv[3] + 5) : -1;
    if (fd < 0) {
        fprintf(stderr, "client: cannot connect to %s: %s\n", argv[3], strerror(errno));
        return 1;
    }
    unsigned char *frame = calloc(1, HEADER_BYTES + (size_t) bytes);
    struct reader r = {.fd = fd, .buf = malloc(BUFFER_BYTES)};
    long warm = count / 10;
    int64_t *nanos = malloc(sizeof(int64_t) * (size_t) (count - warm));
    if (frame == NULL || r.buf == NULL || nanos == NULL) {
        fprintf(stderr, "client: out of memory\n");
        return 1;
    }
    frame[0] = (unsigned char) (bytes >> 24);
    frame[1] = (unsigned char) (bytes >> 16);
    frame[2] = (unsigned char) (bytes >> 8);
    frame[3] = (unsigned char) bytes;
    double sum = 0;
    for (long i = 0; i < count; i++) {
        memcpy(frame + HEADER_BYTES, &i, sizeof i);
        int64_t start = now_nanos();
        unsigned char *echo;
        if (write_fully(fd, frame, HEADER_BYTES + (size_t) bytes) != OK || next_frame(&r, bytes, &echo) < 0
            || memcmp(echo + HEADER_BYTES, &i, sizeof i) != 0) {
            fprintf(stderr, "client: round trip %ld failed\n", i);
            return 1;
        }
        int64_t took = now_nanos() - start;
        if (i >= warm) {
            nanos[i - warm] = took;
            sum += (double) took;
        }
    }
    long n = count - warm;
    qsort(nanos, (size_t) n, sizeof(int64_t), compare_nanos);
    printf("round trips %ld of %ld bytes: mean %.2f us, p50 %.2f us, p90 %.2f us, p99 %.2f us\n", n, bytes,
           sum / (double) n / 1e3, (double) nanos[n / 2] / 1e3, (double) nanos[n * 9 / 10] / 1e3,
           (double) nanos[n * 99 / 100] / 1e3);
    close(fd);
    return 0;
}

static int echo_mode;
static char socket_path[4096];
static char ring_path[4096];
static const char *private_dir;

static void *serve_socket(void *arg) {
    struct reader r = {.fd = (int) (intptr_t) arg, .buf = malloc(BUFFER_BYTES)};
    if (r.buf == NULL) {
        fprintf(stderr, "peer: out of memory\n");
        close(r.fd);
        return NULL;
    }
    for (;;) {
        unsigned char *frame;
        long length = next_frame(&r, -1, &frame);
        if (length == ERR_BAD_FRAME) {
            fprintf(stderr, "peer: bad frame: length prefix %u outside %d..%d; closing that connection\n",
                    r.bad_length, MIN_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES);
            break;
        }
        if (length < 0) {
            break; /* the client is done, or its connection failed */
        }
        if (echo_mode && write_fully(r.fd, frame, HEADER_BYTES + (size_t) length) != OK) {
            break;
        }
    }
    close(r.fd);
    free(r.buf);
    return NULL;
}

static void *accept_loop(void *arg) {
    int server = (int) (intptr_t) arg;
    for (;;) {
        int connection = accept(server, NULL, NULL);
        if (connection < 0) {
            if (errno == EINTR || errno == ECONNABORTED) {
                continue;
            }
            fprintf(stderr, "peer: accept failed: %s\n", strerror(errno));
            return NULL;
        }
        int one = 1;
        setsockopt(connection, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* fails harmlessly on a Unix socket */
        pthread_t thread;
        if (pthread_create(&thread, NULL, serve_socket, (void *) (intptr_t) connection) != 0) {
            fprintf(stderr, "peer: cannot start a connection thread\n");
            close(connection);
            continue;
        }
        pthread_detach(thread);
    }
}

static void *serve_ring(void *arg) {
    struct rings *rings = arg;
    unsigned char *buf = malloc(BUFFER_BYTES);
    if (buf == NULL) {
        fprintf(stderr, "peer: out of memory\n");
        return NULL;
    }
    for (;;) {
        uint32_t bad_length = 0;
        long length = ring_read_frame(&rings->to_peer, buf, -1, 0, &bad_length);
        if (length == ERR_BAD_FRAME) {
            fprintf(stderr, "peer: bad frame: length prefix %u outside %d..%d; the ring is no longer served\n",
                    bad_length, MIN_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES);
            break;
        }
        if (echo_mode) {
            ring_write(&rings->to_client, buf, HEADER_BYTES + (size_t) length, 0);
        }
    }
    free(buf);
    return NULL;
}

static int listen_on(int kind, char *ready, size_t ready_bytes) {
    int server = socket(kind == KIND_TCP ? AF_INET : AF_UNIX, SOCK_STREAM, 0);
    if (server < 0) {
        return -1;
    }
    if (kind == KIND_TCP) {
        int one = 1;
        setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = 0};
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (bind(server, (struct sockaddr *) &address, sizeof address) != 0 || listen(server, 64) != 0
            || getsockname(server, (struct sockaddr *) &address, &length) != 0) {
            return -1;
        }
        snprintf(ready, ready_bytes, "READY tcp:%d", ntohs(address.sin_port));
    } else {
        struct sockaddr_un address = {.sun_family = AF_UNIX};
        if (snprintf(socket_path, sizeof socket_path, "%s/%s", private_dir, SOCKET_FILE) >= (int) sizeof address.sun_path) {
            errno = ENAMETOOLONG;
            return -1;
        }
        strcpy(address.sun_path, socket_path);
        if (bind(server, (struct sockaddr *) &address, sizeof address) != 0 || listen(server, 64) != 0) {
            return -1;
        }
        snprintf(ready, ready_bytes, "READY file:%s", socket_path);
    }
    return server;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--client") == 0) {
        return run_client(argc, argv);
    }
    if (argc != 4) {
        fprintf(stderr, "usage: ipc-peer C_TCP|C_UDS|C_SHM_SPIN ECHO|SINK PRIVATE_DIR\n");
        return 2;
    }
    int kind = strcmp(argv[1], "C_TCP") == 0 ? KIND_TCP : strcmp(argv[1], "C_UDS") == 0 ? KIND_UDS
             : strcmp(argv[1], "C_SHM_SPIN") == 0 ? KIND_SHM : -1;
    if (kind < 0 || (strcmp(argv[2], "ECHO") != 0 && strcmp(argv[2], "SINK") != 0)) {
        fprintf(stderr, "peer: unknown transport or mode: %s %s\n", argv[1], argv[2]);
        return 2;
    }
    echo_mode = strcmp(argv[2], "ECHO") == 0;
    private_dir = argv[3];
    char ready[4200];
    pthread_t thread;
    if (kind == KIND_SHM) {
        snprintf(ring_path, sizeof ring_path, "%s/%s", private_dir, RING_FILE);
        int fd = open(ring_path, O_RDWR | O_CREAT | O_EXCL, 0600);
        struct rings *rings = NULL;
        if (fd < 0 || ftruncate(fd, sizeof(struct rings)) != 0 || (rings = map_rings(fd)) == NULL) {
            fprintf(stderr, "peer: cannot create the ring file %s: %s\n", ring_path, strerror(errno));
            return 1;
        }
        close(fd);
        snprintf(ready, sizeof ready, "READY file:%s", ring_path);
        pthread_create(&thread, NULL, serve_ring, rings);
    } else {
        int server = listen_on(kind, ready, sizeof ready);
        if (server < 0) {
            fprintf(stderr, "peer: cannot listen: %s\n", strerror(errno));
            return 1;
        }
        pthread_create(&thread, NULL, accept_loop, (void *) (intptr_t) server);
    }
    printf("%s\n", ready);
    fflush(stdout);
    char ignored[256];
    while (read(STDIN_FILENO, ignored, sizeof ignored) > 0) {
        /* nothing is sent on standard input: it only closes, when the benchmark stops us or dies */
    }
    if (socket_path[0] != '\0') {
        unlink(socket_path);
    }
    if (ring_path[0] != '\0') {
        unlink(ring_path);
    }
    rmdir(private_dir);
    _exit(0); /* the serving threads block or spin: end them with the process */
}

#else
/* ---------------------------------------------------------------------------------------------------------------
 * The client side, for designbench.ipc.transport.NativeIpc
 * ------------------------------------------------------------------------------------------------------------ */
#include <jni.h>

struct client {
    int kind;
    struct reader reader;
    struct rings *rings;
};

static void throw_named(JNIEnv *env, const char *class_name, const char *message) {
    jclass type = (*env)->FindClass(env, class_name);
    if (type != NULL) {
        (*env)->ThrowNew(env, type, message);
    }
}

static void throw_io(JNIEnv *env, const char *what) {
    char message[512];
    snprintf(message, sizeof message, "%s: %s", what, strerror(errno));
    throw_named(env, "java/io/IOException", message);
}

JNIEXPORT jlong JNICALL Java_designbench_ipc_transport_NativeIpc_connect(JNIEnv *env, jclass type, jint kind,
                                                                         jint port, jstring file) {
    struct client *client = calloc(1, sizeof *client);
    unsigned char *buf = malloc(BUFFER_BYTES);
    if (client == NULL || buf == NULL) {
        free(client);
        free(buf);
        throw_named(env, "java/lang/OutOfMemoryError", "native client buffers");
        return 0;
    }
    client->kind = kind;
    client->reader.buf = buf;
    client->reader.fd = -1;
    const char *path = file == NULL ? NULL : (*env)->GetStringUTFChars(env, file, NULL);
    int fd = -1;
    if (kind == KIND_SHM) {
        fd = open(path, O_RDWR);
        if (fd < 0 || (client->rings = map_rings(fd)) == NULL) {
            throw_io(env, "cannot map the ring file");
        }
        if (fd >= 0) {
            close(fd);
        }
    } else {
        client->reader.fd = connect_socket(kind, port, path);
        if (client->reader.fd < 0) {
            throw_io(env, kind == KIND_TCP ? "cannot connect over TCP" : "cannot connect to the Unix socket");
        }
    }
    if (path != NULL) {
        (*env)->ReleaseStringUTFChars(env, file, path);
    }
    if ((*env)->ExceptionCheck(env)) {
        if (client->reader.fd >= 0) {
            close(client->reader.fd);
        }
        free(buf);
        free(client);
        return 0;
    }
    return (jlong) (intptr_t) client;
}

JNIEXPORT jobject JNICALL Java_designbench_ipc_transport_NativeIpc_buffer(JNIEnv *env, jclass type, jlong handle) {
    struct client *client = (struct client *) (intptr_t) handle;
    return (*env)->NewDirectByteBuffer(env, client->reader.buf, BUFFER_BYTES);
}

JNIEXPORT void JNICALL Java_designbench_ipc_transport_NativeIpc_send(JNIEnv *env, jclass type, jlong handle,
                                                                     jobject frame, jint offset, jint length,
                                                                     jlong timeout_nanos) {
    struct client *client = (struct client *) (intptr_t) handle;
    const unsigned char *bytes = (const unsigned char *) (*env)->GetDirectBufferAddress(env, frame) + offset;
    int rc = client->kind == KIND_SHM
            ? ring_write(&client->rings->to_peer, bytes, (size_t) length, timeout_nanos)
            : write_fully(client->reader.fd, bytes, (size_t) length);
    if (rc == ERR_TIMEOUT) {
        throw_named(env, "java/io/IOException", "the peer took nothing from the ring within the wait");
    } else if (rc != OK) {
        throw_io(env, "send failed");
    }
}

/* The offset in the client's buffer of the next frame (header included), its payload checked to be `expected`. */
JNIEXPORT jint JNICALL Java_designbench_ipc_transport_NativeIpc_receive(JNIEnv *env, jclass type, jlong handle,
                                                                        jint expected, jlong timeout_nanos) {
    struct client *client = (struct client *) (intptr_t) handle;
    unsigned char *frame = client->reader.buf;
    long length = client->kind == KIND_SHM
            ? ring_read_frame(&client->rings->to_client, frame, expected, timeout_nanos, &client->reader.bad_length)
            : next_frame(&client->reader, expected, &frame);
    if (length >= 0) {
        return (jint) (frame - client->reader.buf);
    }
    char message[160];
    switch (length) {
        case ERR_BAD_FRAME:
            snprintf(message, sizeof message, "bad frame: length prefix %u, expected %d", client->reader.bad_length,
                     (int) expected);
            throw_named(env, "designbench/ipc/transport/BadFrameException", message);
            break;
        case ERR_EOF:
            throw_named(env, "java/io/EOFException", "the peer closed the connection");
            break;
        case ERR_TIMEOUT:
            throw_named(env, "java/io/IOException", "no reply from the peer within the wait");
            break;
        default:
            throw_io(env, "receive failed");
    }
    return -1;
}

JNIEXPORT void JNICALL Java_designbench_ipc_transport_NativeIpc_close(JNIEnv *env, jclass type, jlong handle) {
    struct client *client = (struct client *) (intptr_t) handle;
    if (client->rings != NULL) {
        munmap(client->rings, sizeof(struct rings));
    }
    if (client->reader.fd >= 0) {
        close(client->reader.fd);
    }
    free(client->reader.buf);
    free(client);
}
#endif
