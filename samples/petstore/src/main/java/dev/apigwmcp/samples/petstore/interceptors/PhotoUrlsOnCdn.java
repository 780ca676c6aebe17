package dev.apigwmcp.samples.petstore.interceptors;

import dev.apigwmcp.generated.petstore_browse.ListPetPhotosTool;
import dev.apigwmcp.runtime.spi.InterceptedCall;
import dev.apigwmcp.runtime.spi.ToolInterceptor;
import java.util.List;

/**
 * Typed result example: works on {@link ListPetPhotosTool.Output}, the generated record of
 * {@code petstore-browse___ListPetPhotos}'s structured result (its output schema is a plain object tree), rather
 * than a JSON tree. Photo URLs point at the API's origin host; clients should fetch them from the CDN in front of
 * it. Members the record does not type (undeclared ones, drifted values) stay in {@code additionalProperties} and
 * go back as they came.
 */
public final class PhotoUrlsOnCdn
        extends ToolInterceptor.TypedResult<ListPetPhotosTool.Input, ListPetPhotosTool.Output> {

    static final String ORIGIN = "https://photos.example/";
    static final String CDN = "https://cdn.photos.example/";

    public PhotoUrlsOnCdn() {
        super(ListPetPhotosTool.NAME, ListPetPhotosTool.Input.class, ListPetPhotosTool.Output.class);
    }

    @Override
    protected ListPetPhotosTool.Output afterCall(ListPetPhotosTool.Output output, InterceptedCall call) {
        if (output.result() == null) {
            return output;
        }
        List<ListPetPhotosTool.Output.ResultItem> photos = output.result().stream()
                .map(photo ->
                        photo == null || photo.url() == null || !photo.url().startsWith(ORIGIN)
                                ? photo
                                : new ListPetPhotosTool.Output.ResultItem(
                                        CDN + photo.url().substring(ORIGIN.length()),
                                        photo.width(),
                                        photo.height(),
                                        photo.additionalProperties()))
                .toList();
        return new ListPetPhotosTool.Output(photos, output.additionalProperties());
    }
}
