/** CityTwin's own REST API over the catalog (/api/layers). */
package vn.citytwin.api;
