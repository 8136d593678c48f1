/** Test plumbing shared by the clients' own tests: loopback servers, canary checks, resource closing. Not published. */
package io.github.devopsconnector.testsupport;
