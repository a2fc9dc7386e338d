/** The publisher's command, {@code java -jar plugboard-repository.jar}: build, keygen, sign, verify. */
package io.plugboard.repository.tool;
