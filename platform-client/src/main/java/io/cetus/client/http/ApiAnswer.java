package io.cetus.client.http;

/** A whole answer: its HTTP status code and body. */
record ApiAnswer(int statusCode, byte[] body) {}
