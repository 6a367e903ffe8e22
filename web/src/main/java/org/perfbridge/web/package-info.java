/** The JAX-RS boundary: parse, validate, hand over to the EJB services; JSON errors with reasons. */
package org.perfbridge.web;
