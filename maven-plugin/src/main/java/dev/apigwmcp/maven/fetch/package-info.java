/** Fetching API Gateway exports (AWS SDK v2 {@code GetExport}) into stable, reviewable snapshot files. */
package dev.apigwmcp.maven.fetch;
