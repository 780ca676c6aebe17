/**
 * How frames arrive and leave: stdio (stdout carries protocol frames only) and Streamable HTTP on Jetty 12 (bound to
 * 127.0.0.1 by default; Origin and Host checks; sessions; bodies read without holding a worker thread under read
 * deadlines; heartbeats that notice a gone client; a handler in front for {@code inbound} authorization; a graceful
 * stop). Protocol decisions are {@code protocol}'s.
 */
package dev.apigwmcp.runtime.transport;
