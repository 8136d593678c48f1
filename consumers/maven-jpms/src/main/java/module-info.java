/** An integrator's application that uses the SDK on the module path. */
module com.example.consumer.jpms {
  requires io.github.devopsconnector.azuredevops;
  requires io.github.devopsconnector.arm;
  requires io.github.devopsconnector.github;
  requires io.github.devopsconnector.gitlab;
}
