-- The W3C traceparent of the span that emitted each event (tracing.Tracing): its deliveries' attempt
-- spans are its children, so a trace runs from the caller through the host to the endpoint. NULL for
-- events stored before. Portable SQL.

ALTER TABLE events ADD COLUMN traceparent TEXT;
