/** Safe XML parsing shared by every reader of client or file XML (requests, filters, styles, icons). */
package vn.citytwin.core.xml;
