package dev.apigwmcp.runtime.search;

/**
 * A tool found by one ranking, with that ranking's score (BM25, or cosine similarity): higher is better, and
 * scores compare only within one ranking of one query.
 */
public record Scored(String name, double score) {}
