// Removes the optional destination and payload format examples unless -DwithOutboundExamples=true.
def props = request.properties
if (props.get("withOutboundExamples") != "true") {
    def root = new File(request.outputDirectory, request.artifactId)
    def pkg = props.get("package").replace('.', '/')
    ["src/main/java/${pkg}/ExampleDestination.java",
     "src/main/java/${pkg}/ExampleFormat.java",
     "src/test/java/${pkg}/TestExampleOutbound.java"].each { new File(root, it).delete() }
}
