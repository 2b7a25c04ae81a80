package io.reactivecql.protocol;

/** A message sent by the server (direction bit 1 in the envelope's version byte). */
public interface Response extends Message {
}
