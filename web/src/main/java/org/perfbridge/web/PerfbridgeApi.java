package org.perfbridge.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, under the web module's context root {@code /api}. */
@ApplicationPath("/")
public class PerfbridgeApi extends Application {
}
