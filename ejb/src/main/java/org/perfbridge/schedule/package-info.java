/** Work that runs every so often, on threads that end with the deployment. */
package org.perfbridge.schedule;
