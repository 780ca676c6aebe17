package dev.apigwmcp.runtime.execution;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

/**
 * {@code multipleOf} as the TypeScript SDK client's validator (ajv) computes it: in binary floating point, the
 * quotient must be a whole number that JavaScript prints without an exponent. So {@code 0.07} is not a multiple of
 * {@code 0.01} there ({@code 0.07 / 0.01} is {@code 7.000000000000001}), although it is in exact decimal
 * arithmetic; an exact check would let such a value through and the client would reject it.
 */
final class JavaScriptMultipleOf extends AbstractKeyword {

    /** JavaScript prints numbers from here on with an exponent, which {@code parseInt} then misreads. */
    private static final double EXPONENT_FROM = 1e21;

    JavaScriptMultipleOf() {
        super("multipleOf");
    }

    @Override
    public KeywordValidator newValidator(
            SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
        return new Validator(location, schemaNode, parent, context);
    }

    /** Whether {@code value} passes {@code multipleOf: divisor} in ajv. */
    static boolean isMultiple(double value, double divisor) {
        if (divisor == 0) {
            return false;
        }
        double quotient = value / divisor;
        return Double.isFinite(quotient) && quotient == Math.rint(quotient) && Math.abs(quotient) < EXPONENT_FROM;
    }

    private static final class Validator extends BaseKeywordValidator {

        private final double divisor;

        Validator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
            super(KeywordType.MULTIPLE_OF, schemaNode, location, parent, context);
            this.divisor = schemaNode.isNumber() ? schemaNode.doubleValue() : Double.NaN;
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath at) {
            if (!node.isNumber() || Double.isNaN(divisor) || isMultiple(node.doubleValue(), divisor)) {
                return;
            }
            context.addError(error().instanceNode(node)
                    .instanceLocation(at)
                    .evaluationPath(context.getEvaluationPath())
                    .locale(context.getExecutionConfig().getLocale())
                    .arguments(getSchemaNode().toString())
                    .build());
        }
    }
}
