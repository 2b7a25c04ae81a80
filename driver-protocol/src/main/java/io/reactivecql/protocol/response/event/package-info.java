/**
 * EVENT responses (section 4.2.6): {@link io.reactivecql.protocol.response.event.TopologyChangeEvent},
 * {@link io.reactivecql.protocol.response.event.StatusChangeEvent} and
 * {@link io.reactivecql.protocol.response.event.SchemaChangeEvent}, under the sealed
 * {@link io.reactivecql.protocol.response.event.Event}, read and written by
 * {@link io.reactivecql.protocol.response.event.EventCodec}. The
 * {@link io.reactivecql.protocol.response.event.SchemaChange} value and its
 * {@link io.reactivecql.protocol.response.event.SchemaChangeCodec} are shared with the Schema_change
 * result.
 */
package io.reactivecql.protocol.response.event;
