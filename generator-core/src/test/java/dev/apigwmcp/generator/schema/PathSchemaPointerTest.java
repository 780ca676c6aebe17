package dev.apigwmcp.generator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSchemaPointerTest {

    @Test
    void findsTheSchemaRootOfEveryPlaceAnOperationHasOne() {
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/parameters/0/schema"))
                .isEqualTo("/paths/~1a/get/parameters/0/schema");
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/parameters/12/schema/items"))
                .isEqualTo("/paths/~1a/parameters/12/schema");
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/parameters/0/content/application~1json/schema"))
                .isEqualTo("/paths/~1a/get/parameters/0/content/application~1json/schema");
        assertThat(PathSchemaPointer.rootOfRef(
                        "#/paths/~1a%7Bid%7D/post/requestBody/content/application~1json/schema/properties/x"))
                .isEqualTo("/paths/~1a{id}/post/requestBody/content/application~1json/schema");
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/responses/200/content/*~1*/schema"))
                .isEqualTo("/paths/~1a/get/responses/200/content/*~1*/schema");
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/responses/2XX/headers/schema/schema/enum"))
                .isEqualTo("/paths/~1a/get/responses/2XX/headers/schema/schema");
        assertThat(PathSchemaPointer.rootOfRef(
                        "#/paths/~1a/x-amazon-apigateway-any-method/requestBody/content/text~1plain/schema"))
                .isEqualTo("/paths/~1a/x-amazon-apigateway-any-method/requestBody/content/text~1plain/schema");
    }

    @Test
    void anythingElseIsNotAPathSchema() {
        assertThat(PathSchemaPointer.rootOfRef("#/components/schemas/a")).isNull();
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/responses/200/description"))
                .isNull();
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/parameters/x/schema"))
                .isNull();
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/requestBody/content/a~1b/schema"))
                .isNull();
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/requestBody/content//schema"))
                .isNull();
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get")).isNull();
        assertThat(PathSchemaPointer.rootOfRef("#/paths//get/parameters/0/schema"))
                .isNull();
        assertThat(PathSchemaPointer.rootOfRef("#/paths/~1a/get/parameters/0/schema%zz"))
                .isNull();
        assertThat(PathSchemaPointer.rootOfRef("other.json#/paths/~1a/get/parameters/0/schema"))
                .isNull();
    }
}
