package dev.apigwmcp.bench.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to {@code cap} bytes, then cancels the rest of the stream, so a huge answer costs at
 * most {@code cap} bytes of memory and no further download.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBodySubscriber.Body> {

    /** The bytes read and whether more were cut off. */
    record Body(byte[] bytes, boolean truncated) {
    }

    private final long cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean done;

    CappedBodySubscriber(long cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = (int) Math.min(Integer.MAX_VALUE, cap - buffer.size());
            int length = item.remaining();
            if (length > room) {
                byte[] part = new byte[room];
                item.get(part);
                buffer.write(part, 0, room);
                done = true;
                subscription.cancel();
                result.complete(new Body(buffer.toByteArray(), true));
                return;
            }
            byte[] all = new byte[length];
            item.get(all);
            buffer.write(all, 0, length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        if (!done) {
            done = true;
            result.completeExceptionally(throwable);
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            result.complete(new Body(buffer.toByteArray(), false));
        }
    }
}
