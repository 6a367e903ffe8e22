/** The Nagios plugin perfdata grammar: a perfdata string in, metrics and problems out. Pure Java. */
package org.perfbridge.perfdata;
