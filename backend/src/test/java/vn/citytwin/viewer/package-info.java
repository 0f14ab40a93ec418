/** Browser tests of the CesiumJS viewer against the real server, in headless Chromium (Selenium). */
package vn.citytwin.viewer;
