/**
 * Test gates shared by every module: leak detection that fails a test class on a leaked netty
 * buffer, and (through the blockhound-junit-platform dependency) BlockHound in every test JVM.
 * Test scope only; nothing here ships with the driver.
 */
package io.reactivecql.testing;
