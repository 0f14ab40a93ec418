package vn.citytwin.features;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bridge from a worker thread that produces a large response to the event loop that owns the HTTP response,
 * with back-pressure: the worker hands over one chunk at a time and blocks while the connection's write queue is
 * full, so memory stays constant however large the response and however slow the client. A closed connection, or a
 * client that reads nothing for {@link #STALL_SECONDS}, aborts the worker with {@link ClientGone} (which closes the
 * database cursor).
 *
 * <p>Create it on the event loop (it installs the close handler); then only call {@link #write} and {@link #end}
 * from the worker.
 */
public final class ResponseSink implements TextSink {
  /** Seconds a client may refuse to read before the stream is abandoned. */
  public static final int STALL_SECONDS = 120;

  private final Context eventLoop;
  private final HttpServerResponse response;
  private final String contentType;
  private final Semaphore ready = new Semaphore(1);
  private final Utf8 utf8 = new Utf8();
  private volatile boolean closed;
  private boolean started;

  private ResponseSink(Context eventLoop, HttpServerResponse response, String contentType) {
    this.eventLoop = eventLoop;
    this.response = response;
    this.contentType = contentType;
  }

  /** Call on the response's event loop. */
  public static ResponseSink attach(Context eventLoop, HttpServerResponse response, String contentType) {
    ResponseSink sink = new ResponseSink(eventLoop, response, contentType);
    response.closeHandler(v -> sink.abandon());
    response.exceptionHandler(e -> sink.abandon());
    return sink;
  }

  private void abandon() {
    closed = true;
    ready.release();
  }

  /** Sends the buffered text as one chunk (and clears it); blocks while the client is behind. */
  @Override
  public void write(StringBuilder text) {
    if (text.length() == 0) {
      return;
    }
    Buffer chunk = Buffer.buffer(utf8.encode(text));
    text.setLength(0);
    awaitReady();
    eventLoop.runOnContext(v -> {
      if (closed) {
        ready.release();
        return;
      }
      head();
      response.write(chunk);
      if (response.writeQueueFull()) {
        response.drainHandler(x -> ready.release());
      } else {
        ready.release();
      }
    });
  }

  /** Sends the rest and ends the response. */
  @Override
  public void end(StringBuilder text) {
    Buffer last = Buffer.buffer(utf8.encode(text));
    text.setLength(0);
    awaitReady();
    eventLoop.runOnContext(v -> {
      if (closed) {
        return;
      }
      head();
      response.end(last);
    });
  }

  private void head() {
    if (!started) {
      started = true;
      if (!response.headWritten()) {
        response.putHeader("Content-Type", contentType).setChunked(true);
      }
    }
  }

  private void awaitReady() {
    try {
      long waited = 0;
      while (!ready.tryAcquire(1, TimeUnit.SECONDS)) {
        if (closed) {
          break;
        }
        if (++waited >= STALL_SECONDS) {
          closed = true;
          eventLoop.runOnContext(v -> response.reset());
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
    if (closed) {
      throw new ClientGone();
    }
  }

  /** The client closed the connection or stopped reading: nothing more can be sent, and nothing needs reporting. */
  public static final class ClientGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClientGone() {
      super("client gone", null, false, false);
    }
  }
}
