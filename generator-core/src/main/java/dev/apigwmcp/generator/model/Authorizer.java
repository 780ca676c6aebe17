package dev.apigwmcp.generator.model;

/**
 * A security scheme's {@code x-amazon-apigateway-authorizer}, reduced to what says where a client's token goes.
 *
 * @param type                         {@code token}, {@code request}, {@code cognito_user_pools}, {@code jwt} as
 *                                     written, or {@code null}
 * @param identitySource               comma-separated mapping expressions
 *                                     ({@code method.request.header.Auth, method.request.querystring.k},
 *                                     {@code $request.header.Authorization}), or {@code null}
 * @param identityValidationExpression the regular expression a TOKEN authorizer checks the token against, or
 *                                     {@code null}
 */
public record Authorizer(String type, String identitySource, String identityValidationExpression) {}
