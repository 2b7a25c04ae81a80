package io.reactivecql.protocol;

/** A message sent by the client (direction bit 0 in the envelope's version byte). */
public interface Request extends Message {
}
